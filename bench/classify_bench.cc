// `clusterpilot classify` end to end on a store of 1,000,000 measurements,
// against the reference of the same run: the sqlite3 shell copying the
// measurement table into a new table (CREATE TABLE ... AS SELECT), which reads
// every row and writes as many. Target: at most 3x the reference.
//
// usage: classify_bench [MEASUREMENTS] [RUNS] [FOLDER]   (default 1000000 3)
// The store is built once, quickly, with SQL from the synthetic generator;
// each timed run starts from a fresh copy of it. With FOLDER the store is
// kept there and reused by the next run with the same FOLDER; without, it
// goes to a temporary folder that is removed afterwards.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/process_timer.h"
#include "generator/synthetic_institution.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

std::string g_pristine;
std::string g_work;

void Check(const Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "classify_bench: %s\n", status.error().ToString().c_str());
  std::exit(1);
}

void BindMeasurement(SqlStatement& insert, const Measurement& m) {
  insert.BindText(1, m.patient_id);
  insert.BindText(2, m.department);
  insert.BindText(3, m.rating_date.ToIso());
  insert.BindText(4, m.clinician);
  insert.BindInt(5, static_cast<int>(m.supercluster));
  for (int item = 0; item < kItemCount; ++item) {
    if (m.ratings[item] == kUnknownRating) {
      insert.BindNull(6 + item);
    } else {
      insert.BindInt(6 + item, m.ratings[item]);
    }
  }
  if (m.hv08_type != 0) insert.BindText(25, std::string(1, m.hv08_type));
  insert.BindText(26, RatingRouteName(m.route));
}

// A store with `count` synthetic measurements, inserted in one transaction.
void BuildStore(const std::string& path, int64_t count) {
  auto store = Store::Open(path);
  if (!store.ok()) Check(store.error());
  Store& s = *store.value();
  Check(s.InTransaction([&]() -> Status {
    Status status = s.Execute(
        "INSERT INTO import_batch(file_name, content_hash, format, imported_at, imported_by) "
        "VALUES('synthetic', 'bench', 'sql', '2026-11-01T00:00:00Z', 'bench')");
    if (!status.ok()) return status;
    SqlStatement insert(s,
                        "INSERT INTO measurement(patient_id, department, rating_date, clinician, "
                        "supercluster, hv01, hv02, hv03, hv04, hv05, hv06, hv07, hv08, hv09, hv10, "
                        "hv11, hv12, hv13, hv14, hv15, hv16, hv17, hv18, hv19, hv08_type, route, "
                        "batch_id, source_line) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                        "?,?,?,?,1,?)");
    SyntheticOptions options;
    options.patients = static_cast<int>(count);  // more than enough: stops at `count`
    options.seed = 11;
    int64_t inserted = 0;
    GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
      if (inserted >= count || !status.ok()) return;
      BindMeasurement(insert, synthetic.measurement);
      insert.BindInt(27, ++inserted + 1);
      status = insert.Run();
    });
    return status;
  }));
}

void CopyPristine(const std::string&) {
  std::filesystem::copy_file(g_pristine, g_work, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(g_work + "-wal");
  std::filesystem::remove(g_work + "-shm");
}

int64_t CountRows(const std::string& path, const char* table) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) Check(store.error());
  SqlStatement count(*store.value(), std::string("SELECT count(*) FROM ") + table);
  count.Step();
  return count.Int(0);
}

}  // namespace
}  // namespace clusterpilot

int main(int argc, char** argv) {
  using namespace clusterpilot;
  const int64_t count = argc > 1 ? std::atoll(argv[1]) : 1000000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  char temporary[] = "/tmp/classify_bench-XXXXXX";
  const bool keep = argc > 3;
  const std::string folder = keep ? argv[3] : mkdtemp(temporary);
  std::filesystem::create_directories(folder);
  g_pristine = folder + "/pristine.db";
  g_work = folder + "/work.db";
  if (!std::filesystem::exists(g_pristine)) {
    std::printf("building a store of %lld measurements in %s ...\n", static_cast<long long>(count),
                folder.c_str());
    BuildStore(g_pristine, count);
  }
  if (CountRows(g_pristine, "measurement") != count) {
    std::fprintf(stderr, "classify_bench: %s holds another number of measurements\n",
                 g_pristine.c_str());
    return 1;
  }

  const ProcessTiming reference =
      MedianOfRuns({"sqlite3", g_work, "CREATE TABLE copy AS SELECT * FROM measurement"}, runs,
                   CopyPristine, "");
  const ProcessTiming ours =
      MedianOfRuns({CLUSTERPILOT_BINARY, "classify", "--db", g_work}, runs, CopyPristine, "");
  const int64_t classified = CountRows(g_work, "classification");
  std::printf("median of %d runs each; %lld measurements classified in the last run\n", runs,
              static_cast<long long>(classified));
  PrintComparisonHeader();
  PrintComparisonRow("classify vs sqlite3 CREATE TABLE AS", ours, reference, 3.0);
  std::printf("classify throughput: %.0f measurements/s\n",
              static_cast<double>(count) / ours.wall_seconds);
  // On a machine other work keeps busy, processor time says more than wall
  // time about what each side costs; classify spreads its over two threads.
  std::printf("processor time (user + system): ours %.2f s, reference %.2f s, ratio %.2f\n",
              ours.cpu_seconds, reference.cpu_seconds, ours.cpu_seconds / reference.cpu_seconds);
  if (!keep) std::filesystem::remove_all(folder);
  return classified == count ? 0 : 1;
}
