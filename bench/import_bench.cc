// Importing 1,000,000 generated measurements, each format against a
// reference tool timed in the same run on the same file:
//   CSV ','  vs  sqlite3 DB ".import --csv FILE t"   (the file into a plain table)
//   CSV ';'  vs  sqlite3 -csv -separator ';' DB ".import FILE t"
//   XML      vs  xmllint --stream --noout --schema XSD FILE
// Targets: at most 2x the reference, peak memory under 200 MB.
//
// Usage: import_bench [RUNS] (default 3; the median run counts).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/process_timer.h"
#include "generator/csv_export_writer.h"
#include "generator/synthetic_institution.h"
#include "generator/xml_export_writer.h"

namespace clusterpilot {
namespace {

constexpr int64_t kMeasurements = 1000000;
constexpr double kTargetRatio = 2.0;
constexpr double kMemoryLimitMb = 200;

// Writes exactly kMeasurements generated measurements to each writer.
bool WriteExports(const std::vector<ExportWriter*>& writers) {
  SyntheticOptions options;
  options.patients = 800000;  // about 1.5 measurements each: more than enough
  options.months = 12;
  options.seed = 2026;
  int64_t written = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    if (written == kMeasurements) return;
    for (ExportWriter* writer : writers) writer->Write(synthetic.measurement);
    ++written;
  });
  for (ExportWriter* writer : writers) {
    Status finished = writer->Finish();
    if (!finished.ok()) {
      std::fprintf(stderr, "%s\n", finished.error().ToString().c_str());
      return false;
    }
  }
  return written == kMeasurements;
}

void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db + suffix);
}

struct Comparison {
  std::string name;
  std::string file;
  std::vector<std::string> reference;
};

}  // namespace
}  // namespace clusterpilot

int main(int argc, char** argv) {
  using namespace clusterpilot;
  const int runs = argc > 1 ? std::atoi(argv[1]) : 3;
  std::string dir = (std::filesystem::temp_directory_path() / "clusterpilot-bench-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return 1;
  const std::string comma_csv = dir + "/epd.csv";
  const std::string excel_csv = dir + "/excel.csv";
  const std::string xml = dir + "/export.xml";
  const std::string db = dir + "/bench.db";

  std::printf("writing %lld generated measurements as CSV (',' and ';') and XML in %s ...\n",
              static_cast<long long>(kMeasurements), dir.c_str());
  auto comma = CsvExportWriter::Create(comma_csv, CsvExportStyle{',', false});
  auto excel = CsvExportWriter::Create(excel_csv, CsvExportStyle{';', true});
  auto xml_writer = XmlExportWriter::Create(xml);
  if (!comma.ok() || !excel.ok() || !xml_writer.ok() ||
      !WriteExports({comma.value().get(), excel.value().get(), xml_writer.value().get()})) {
    std::fprintf(stderr, "could not write the benchmark files\n");
    return 1;
  }

  const std::string binary = CLUSTERPILOT_BINARY;
  const std::string xsd = std::string(CLUSTERPILOT_SOURCE_DIR) + "/schemas/honosplus-export.xsd";
  const std::vector<Comparison> comparisons = {
      {"import CSV ',' (1M)", comma_csv, {"sqlite3", db, ".import --csv " + comma_csv + " t"}},
      {"import CSV ';' Excel (1M)",
       excel_csv,
       {"sqlite3", "-csv", "-separator", ";", db, ".import " + excel_csv + " t"}},
      {"import XML (1M)", xml, {"xmllint", "--stream", "--noout", "--schema", xsd, xml}},
  };
  std::printf("median of %d runs each, ours then the reference, same files\n\n", runs);
  PrintComparisonHeader();
  bool all_ok = true;
  for (const Comparison& comparison : comparisons) {
    const ProcessTiming ours =
        MedianOfRuns({binary, "import", "--db", db, comparison.file}, runs, RemoveStore, db);
    const ProcessTiming reference = MedianOfRuns(comparison.reference, runs, RemoveStore, db);
    PrintComparisonRow(comparison.name, ours, reference, kTargetRatio);
    all_ok = all_ok && ours.wall_seconds <= kTargetRatio * reference.wall_seconds &&
             ours.peak_memory_mb < kMemoryLimitMb;
  }
  std::printf("\npeak memory target: under %.0f MB\n", kMemoryLimitMb);
  RemoveStore(db);
  std::filesystem::remove_all(dir);
  return all_ok ? 0 : 1;
}
