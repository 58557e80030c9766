// Cost as the history grows: the same institution with 1, 4 (and, opt-in,
// 10) years of ratings, a million measurements a year. The newest year is
// the same at every size (same seed), so the last month's report has the same
// work to do and any growth is the history's doing. At each size, every job
// is the real clusterpilot binary in a child process (wall time and peak
// memory from wait4's rusage):
//   import of the whole history into an empty store   vs  sqlite3 ".import --csv"
//   classify of everything
//   import of the next month into the grown store, and classify of just that
//   report of the last month (median of RUNS)         vs  sqlite3 GROUP BY over the month
// and the ratios of the largest size to 1M. Long (minutes, several GB of
// temporary disk): not part of ctest.
//
// usage: scale_bench [--10m] [--sizes LIST] [--runs N] [--dir DIR] [--keep] [--write-only]
//                    [--binary PATH]
//   --10m    adds the 10M size (about 2.5 GB of CSV and store)
//   --sizes  the sizes in millions instead, e.g. 1,10 (the first is the base
//            of the ratios)
//   --binary the clusterpilot to time (default: the one built beside this
//            bench), so a long run is not disturbed by rebuilding it
//   --runs   runs of each timed command at 1M, median taken (default 5;
//            bigger sizes run the imports once, the report RUNS times)
//   --dir    where the files go (default a new folder under /tmp, removed)
//   --keep   leaves each size's CSV and store in DIR (history-NM.csv,
//            store-NM.db, classified and with the next month) for other
//            benchmarks to reuse read-only: a 10M store takes many minutes.
//            A history CSV already in DIR is used as it is (the generator is
//            deterministic), so it can be written beforehand
//   --write-only  writes each size's history CSV into DIR and stops: run it
//            outside the quiet window, then the timed run with --keep
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench/process_timer.h"
#include "generator/csv_export_writer.h"
#include "generator/synthetic_institution.h"

namespace clusterpilot {
namespace {

constexpr int64_t kPerYear = 1000000;
constexpr const char* kReportMonth = "2026-10";
// A block's patients give about 1.45 measurements each over 12 months: this
// many give a little over a million, cut at exactly kPerYear.
constexpr int kPatientsPerYear = 720000;

struct Options {
  std::vector<int> years = {1, 4};
  int runs = 5;
  std::string dir;
  bool keep = false;
  bool write_only = false;
  std::string binary = CLUSTERPILOT_BINARY;
};

// "1,10" as {1, 10}; empty when a part is no positive number.
std::vector<int> ParseSizes(const std::string& list) {
  std::vector<int> sizes;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t end = std::min(list.find(',', start), list.size());
    const int size = std::atoi(list.substr(start, end - start).c_str());
    if (size <= 0) return {};
    sizes.push_back(size);
    start = end + 1;
  }
  return sizes;
}

void Check(const Status& status) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.error().ToString().c_str());
    std::exit(1);
  }
}

// Writes `years` blocks of 12 months, the oldest first, as an institution's
// export of its whole history would list them. Block 0 ends with kReportMonth.
void WriteHistory(const std::string& path, int years) {
  auto writer = CsvExportWriter::Create(path, CsvExportStyle{',', false});
  Check(writer.ok() ? Status::Ok() : Status(writer.error()));
  for (int block = years - 1; block >= 0; --block) {
    SyntheticOptions options;
    options.patients = kPatientsPerYear;
    options.months = 12;
    options.departments = 20;
    options.seed = 2026 + static_cast<uint64_t>(block);
    options.last_month = CalendarMonth(2026, 10).Plus(-12 * block);
    int64_t written = 0;
    GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
      if (written == kPerYear) return;
      writer.value()->Write(synthetic.measurement);
      ++written;
    });
  }
  Check(writer.value()->Finish());
}

// The month after the report month: what a monthly import adds to the store.
int64_t WriteNextMonth(const std::string& path) {
  auto writer = CsvExportWriter::Create(path, CsvExportStyle{',', false});
  Check(writer.ok() ? Status::Ok() : Status(writer.error()));
  SyntheticOptions options;
  options.patients = 90000;
  options.months = 1;
  options.departments = 20;
  options.seed = 1;
  options.last_month = CalendarMonth(2026, 11);
  int64_t written = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    writer.value()->Write(synthetic.measurement);
    ++written;
  });
  Check(writer.value()->Finish());
  return written;
}

void WriteTariffs(const std::string& path) {
  std::ofstream file(path);
  file << "cluster;tariff_low;tariff_expected;tariff_high\n";
  for (int cluster = 1; cluster <= 21; ++cluster) {
    if (cluster == 9) continue;
    const int expected = 600 + cluster * 150;
    file << cluster << ';' << expected * 8 / 10 << ",00;" << expected << ",00;"
         << expected * 13 / 10 << ",50\n";
  }
}

void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db + suffix);
}

// Runs once, or `runs` times for the median, and stops the benchmark when the
// command fails.
ProcessTiming Time(const std::vector<std::string>& argv, int runs = 1,
                   void (*prepare)(const std::string&) = nullptr, const std::string& arg = "") {
  return MedianOfRuns(argv, runs, prepare, arg);
}

struct SizeResult {
  int64_t measurements = 0;
  ProcessTiming import;
  ProcessTiming sqlite_import;
  ProcessTiming classify;
  ProcessTiming next_import;
  ProcessTiming next_classify;
  int64_t next_rows = 0;
  ProcessTiming report;
  ProcessTiming group_by;
  double store_mb = 0;
};

double MicrosPerRow(const ProcessTiming& timing, int64_t rows) {
  return timing.wall_seconds * 1e6 / static_cast<double>(rows);
}

SizeResult MeasureSize(const Options& options, int years) {
  const std::string& binary = options.binary;
  const std::string size = std::to_string(years) + "M";
  const std::string csv = options.dir + "/history-" + size + ".csv";
  const std::string next = options.dir + "/next-month.csv";
  const std::string db = options.dir + "/store-" + size + ".db";
  const std::string reference = options.dir + "/sqlite.db";
  const std::string tariffs = options.dir + "/tariffs.csv";
  SizeResult result;
  result.measurements = kPerYear * years;
  std::error_code ignored;
  if (!options.keep || !std::filesystem::exists(csv, ignored)) {
    std::printf("%dM: writing %d years of history ...\n", years, years);
    std::fflush(stdout);
    WriteHistory(csv, years);
  }
  result.next_rows = WriteNextMonth(next);
  WriteTariffs(tariffs);
  // The imports are long at the bigger sizes: the median of several runs
  // only at 1M, where the comparison with sqlite3 is made.
  const int import_runs = years == 1 ? options.runs : 1;
  result.sqlite_import = Time({"sqlite3", reference, ".import --csv " + csv + " t"}, import_runs,
                              RemoveStore, reference);
  RemoveStore(reference);
  result.import = Time({binary, "import", "--db", db, csv}, import_runs, RemoveStore, db);
  result.classify = Time({binary, "classify", "--db", db});
  const std::vector<std::string> report = {
      binary,       "report",    "--db",  db,      "--month",
      kReportMonth, "--tariffs", tariffs, "--out", options.dir + "/report",
      "--by",       "bench"};
  const int report_runs = std::max(3, options.runs);
  result.report = Time(report, report_runs);
  result.group_by = Time({"sqlite3", db,
                          "SELECT m.department, c.cluster, count(*) FROM measurement m "
                          "JOIN classification c ON c.measurement_id = m.id "
                          "WHERE m.rating_date >= '2026-10-01' AND m.rating_date < '2026-11-01' "
                          "GROUP BY m.department, c.cluster"},
                         report_runs);
  result.next_import = Time({binary, "import", "--db", db, next});
  result.next_classify = Time({binary, "classify", "--db", db});
  result.store_mb = static_cast<double>(std::filesystem::file_size(db, ignored)) / 1e6;
  if (!options.keep) {
    RemoveStore(db);
    std::filesystem::remove(csv);
  }
  return result;
}

void PrintSize(const SizeResult& r) {
  const double rows = static_cast<double>(r.measurements);
  std::printf("\n%.0fM measurements (store %.0f MB)\n", rows / 1e6, r.store_mb);
  std::printf("  %-44s %8s %10s %8s\n", "job", "wall s", "us/row", "peak MB");
  auto line = [](const char* name, const ProcessTiming& t, double per_row) {
    std::printf("  %-44s %8.2f %10.2f %8.0f\n", name, t.wall_seconds, per_row, t.peak_memory_mb);
  };
  line("import history (clusterpilot)", r.import, MicrosPerRow(r.import, r.measurements));
  line("import history (sqlite3 .import --csv)", r.sqlite_import,
       MicrosPerRow(r.sqlite_import, r.measurements));
  line("classify all", r.classify, MicrosPerRow(r.classify, r.measurements));
  line("import next month into the grown store", r.next_import,
       MicrosPerRow(r.next_import, r.next_rows));
  line("classify next month", r.next_classify, MicrosPerRow(r.next_classify, r.next_rows));
  line("report 2026-10 (median)", r.report, 0);
  line("sqlite3 GROUP BY over 2026-10 (median)", r.group_by, 0);
  std::printf("  import / sqlite3 .import: %.2fx\n",
              r.import.wall_seconds / r.sqlite_import.wall_seconds);
}

void PrintRatios(const SizeResult& small, const SizeResult& large) {
  auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  const double n = static_cast<double>(large.measurements) / 1e6;
  std::printf(
      "\nratios %.0fM / 1M (targets: report time and memory <= 1.3x; import per row <= "
      "1.2x)\n",
      n);
  std::printf("  import per row          %.2fx\n",
              ratio(MicrosPerRow(large.import, large.measurements),
                    MicrosPerRow(small.import, small.measurements)));
  std::printf("  next-month import       %.2fx\n",
              ratio(large.next_import.wall_seconds, small.next_import.wall_seconds));
  std::printf("  classify per row        %.2fx\n",
              ratio(MicrosPerRow(large.classify, large.measurements),
                    MicrosPerRow(small.classify, small.measurements)));
  std::printf("  next-month classify     %.2fx\n",
              ratio(large.next_classify.wall_seconds, small.next_classify.wall_seconds));
  std::printf("  report time             %.2fx\n",
              ratio(large.report.wall_seconds, small.report.wall_seconds));
  std::printf("  report peak memory      %.2fx\n",
              ratio(large.report.peak_memory_mb, small.report.peak_memory_mb));
  std::printf("  sqlite3 GROUP BY time   %.2fx\n",
              ratio(large.group_by.wall_seconds, small.group_by.wall_seconds));
}

[[noreturn]] void Usage() {
  std::fprintf(stderr,
               "usage: scale_bench [--10m] [--sizes LIST] [--runs N] [--dir DIR] [--keep] "
               "[--write-only] [--binary PATH]\n");
  std::exit(2);
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--10m") {
      options.years.push_back(10);
    } else if (arg == "--sizes" && i + 1 < argc) {
      options.years = ParseSizes(argv[++i]);
      if (options.years.empty()) Usage();
    } else if (arg == "--binary" && i + 1 < argc) {
      options.binary = argv[++i];
    } else if (arg == "--runs" && i + 1 < argc) {
      options.runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--keep") {
      options.keep = true;
    } else if (arg == "--write-only") {
      options.write_only = true;
    } else if (arg == "--dir" && i + 1 < argc) {
      options.dir = argv[++i];
    } else {
      Usage();
    }
  }
  return options;
}

double LoadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

}  // namespace
}  // namespace clusterpilot

int main(int argc, char** argv) {
  using namespace clusterpilot;
  Options options = ParseOptions(argc, argv);
  const bool own_dir = options.dir.empty();
  if (own_dir) {
    std::string dir =
        (std::filesystem::temp_directory_path() / "clusterpilot-scale-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) return 1;
    options.dir = dir;
  }
  std::filesystem::create_directories(options.dir);
  std::printf("scale benchmark in %s; load average at start %.1f\n", options.dir.c_str(),
              LoadAverage());
  if (options.write_only) {
    for (int years : options.years) {
      WriteHistory(options.dir + "/history-" + std::to_string(years) + "M.csv", years);
    }
    return 0;
  }
  std::vector<SizeResult> results;
  for (int years : options.years) {
    results.push_back(MeasureSize(options, years));
    PrintSize(results.back());
    std::printf("  load average now %.1f\n", LoadAverage());
    std::fflush(stdout);
  }
  for (size_t i = 1; i < results.size(); ++i) PrintRatios(results.front(), results[i]);
  if (own_dir) std::filesystem::remove_all(options.dir);
  return 0;
}
