// `clusterpilot patient` (one patient's trajectory) and `clusterpilot due`
// (one department's due list) on a store of about 1,000,000 measurements
// (92,000 patients, 12 months, 20 departments, a few percent of patients
// moving to a second department, a tenth of measurements reviewed), against
// sqlite3 reading the same rows on the same store in the same run.
// Target: each command under 100 ms for one patient / one department. Also
// the library calls alone (what the web app does per page), median of runs.
//
// usage: trajectory_bench [WORK_DIR]   (default /tmp/clusterpilot-trajectory-bench;
//        the store is built once and reused by later runs)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "bench/process_timer.h"
#include "core/calendar_month.h"
#include "reports/due_list.h"
#include "reports/patient_trajectory.h"
#include "store/classification_table.h"
#include "store/latest_ratings.h"
#include "store/measurement_writer.h"
#include "store/override_table.h"
#include "store/patient_ratings.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr int kPatients = 92000;
constexpr int kMonths = 12;
constexpr int kDepartments = 20;
constexpr double kRatedInMonth = 0.906;
constexpr int kRuns = 5;
constexpr double kTargetSeconds = 0.1;
constexpr const char* kAsOf = "2026-10-31";
constexpr const char* kDepartment = "Afdeling 7";
constexpr const char* kPatient = "SYN004567";

void Check(const Status& status) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.error().ToString().c_str());
    std::exit(1);
  }
}

std::string Department(int index) { return "Afdeling " + std::to_string(1 + index % kDepartments); }

// One patient's months: rated most months, sometimes moving cluster, a few
// percent moving to a second department half way.
Status WritePatient(int p, std::mt19937_64& random, Store& store, MeasurementWriter* writer,
                    ClassificationWriter* classifications, std::ofstream* revenue) {
  std::uniform_real_distribution<double> unit(0, 1);
  const int clusters[] = {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21};
  char patient[16];
  std::snprintf(patient, sizeof patient, "SYN%06d", p);
  Measurement m;
  m.patient_id = patient;
  const bool moves = unit(random) < 0.04;
  int cluster = clusters[random() % 20];
  StoredMeasurement stored;
  for (int back = kMonths - 1; back >= 0; --back) {
    m.department = Department(moves && back < kMonths / 2 ? p + 3 : p);
    const CalendarMonth month = CalendarMonth(2026, 10).Plus(-back);
    if (back < 3 && unit(random) < 0.9) {
      *revenue << patient << ';' << m.department << ';' << month.Key() << ";100,00\n";
    }
    if (unit(random) > kRatedInMonth) continue;
    if (unit(random) < 0.05) cluster = clusters[random() % 20];
    CalendarDate date = month.FirstDay();
    date.day = static_cast<int>(1 + random() % 28);
    m.rating_date = date;
    m.clinician = "dr. " + std::to_string(p % 97);
    for (int i = 0; i < kItemCount; ++i) m.ratings[i] = static_cast<int8_t>(random() % 5);
    Result<MeasurementWriter::Outcome> written = writer->Write(m, 0, &stored);
    if (!written.ok()) return written.error();
    const int64_t id = writer->last_stored_id();
    Status classified = classifications->Write({id, cluster, 0.9, "", 0, "", ""});
    if (!classified.ok()) return classified;
    if (unit(random) < 0.1) {
      Result<OverrideOutcome> reviewed = RecordOverride(store, id, unit(random) < 0.9 ? cluster : 0,
                                                        "clinical judgement", "bench");
      if (!reviewed.ok()) return reviewed.error();
    }
  }
  return Status::Ok();
}

void BuildStore(const std::string& path, std::ofstream* revenue) {
  auto opened = Store::Open(path);
  if (!opened.ok()) Check(opened.error());
  Store& store = *opened.value();
  Check(store.InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(store, {"bench.csv", "bench", "csv", "bench"}, 1000000);
    if (!writer.ok()) return writer.error();
    Result<ClusterModelRecord> model = RegisterClusterModel(store, "bench", "1", "hash");
    if (!model.ok()) return model.error();
    ClassificationWriter classifications(store, model.value().id, "2026-11-01T00:00:00Z");
    std::mt19937_64 random(2026);
    for (int p = 0; p < kPatients; ++p) {
      Status status =
          WritePatient(p, random, store, writer.value().get(), &classifications, revenue);
      if (!status.ok()) return status;
    }
    ImportCounts counts;
    return writer.value()->Finish(counts);
  }));
  Check(store.Execute("PRAGMA wal_checkpoint(TRUNCATE)"));
}

// The median wall time of `runs` calls of `work`, in seconds.
template <typename Work>
double MedianSeconds(int runs, Work work) {
  std::vector<double> seconds;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

void TimeLibraryCalls(const std::string& db) {
  auto store = Store::Open(db, Store::OpenMode::kMustExist);
  if (!store.ok()) Check(store.error());
  size_t ratings = 0;
  size_t due = 0;
  const CalendarDate as_of = *CalendarDate::Parse(kAsOf);
  const double trajectory = MedianSeconds(kRuns, [&] {
    auto read = ReadPatientRatings(*store.value(), kPatient);
    if (!read.ok()) Check(read.error());
    ratings = BuildTrajectory(kPatient, std::move(read).value(), as_of).points.size();
  });
  const double listing = MedianSeconds(kRuns, [&] {
    DueQuery query;
    query.as_of = as_of;
    query.within_days = 28;
    auto list = ReadDueRatings(*store.value(), {kDepartment}, "", query);
    if (!list.ok()) Check(list.error());
    due = list.value().size();
  });
  std::printf(
      "library calls (median of %d): trajectory %.1f ms (%zu ratings), due list of "
      "one department %.1f ms (%zu patients)\n",
      kRuns, trajectory * 1000, ratings, listing * 1000, due);
}

void PrintTarget(const char* name, const ProcessTiming& timing) {
  std::printf("%s: %.1f ms (target < %.0f ms): %s\n", name, timing.wall_seconds * 1000,
              kTargetSeconds * 1000, timing.wall_seconds < kTargetSeconds ? "ok" : "OVER TARGET");
}

}  // namespace
}  // namespace clusterpilot

int main(int argc, char** argv) {
  using namespace clusterpilot;
  const std::string work = argc > 1 ? argv[1] : "/tmp/clusterpilot-trajectory-bench";
  const std::string db = work + "/bench.db";
  const std::string revenue = work + "/revenue.csv";
  std::filesystem::create_directories(work);
  if (!std::filesystem::exists(db)) {
    std::printf("building a store of about 1,000,000 measurements in %s ...\n", db.c_str());
    std::ofstream file(revenue);
    file << "patient;department;month;amount\n";
    BuildStore(db, &file);
  }
  // The store's first due list builds each patient's latest rating
  // (store/latest_ratings.h): timed on its own, once, before the medians.
  const std::vector<std::string> due_command = {
      CLUSTERPILOT_BINARY, "due",       "--db",     db,   "--as-of", kAsOf,
      "--department",      kDepartment, "--within", "28", "--by",    "bench"};
  const ProcessTiming first_due = MedianOfRuns(due_command, 1, nullptr, "");
  std::printf(
      "first due list of this run (on a new store it builds the latest ratings): %.2f s, %.0f MB\n",
      first_due.wall_seconds, first_due.peak_memory_mb);
  const ProcessTiming patient =
      MedianOfRuns({CLUSTERPILOT_BINARY, "patient", "--db", db, "--patient", kPatient, "--format",
                    "json", "--as-of", kAsOf, "--by", "bench"},
                   kRuns, nullptr, "");
  const ProcessTiming patient_sqlite = MedianOfRuns(
      {"sqlite3", db,
       std::string("SELECT m.*, c.cluster FROM measurement m LEFT JOIN classification c ON "
                   "c.measurement_id = m.id WHERE m.patient_id = '") +
           kPatient + "' ORDER BY m.rating_date"},
      kRuns, nullptr, "");
  const ProcessTiming due = MedianOfRuns(due_command, kRuns, nullptr, "");
  std::vector<std::string> due_revenue_command = due_command;
  due_revenue_command.insert(due_revenue_command.end(), {"--revenue", revenue});
  const ProcessTiming due_revenue = MedianOfRuns(due_revenue_command, kRuns, nullptr, "");
  const ProcessTiming due_sqlite = MedianOfRuns(
      {"sqlite3", db,
       std::string("SELECT patient_id, max(rating_date) FROM measurement WHERE department = '") +
           kDepartment + "' GROUP BY patient_id"},
      kRuns, nullptr, "");
  PrintComparisonHeader();
  PrintComparisonRow("patient, one of 92k (json)", patient, patient_sqlite, 10.0);
  PrintComparisonRow("due, one department of 20", due, due_sqlite, 10.0);
  PrintComparisonRow("due + revenue file (249k rows)", due_revenue, due_sqlite, 10.0);
  PrintTarget("patient", patient);
  PrintTarget("due", due);
  PrintTarget("due with --revenue", due_revenue);
  TimeLibraryCalls(db);
  return 0;
}
