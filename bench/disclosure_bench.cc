// The monthly report with its disclosure audit, at scale:
//  1. the report of one month on a store of about 1,000,000 measurements
//     (`clusterpilot generate --patients 690000 --months 12 --end-month
//     2026-10`, imported and classified), with a revenue file billing that
//     month's caseload: wall, CPU and peak memory of the real command
//     (median of 3; target under 3 s), then the audit's share of one run
//     in this process;
//  2. the audit's time as an institution grows from 5 to 50 departments (the
//     same patients per department), as a ratio to 5.
//
// usage: disclosure_bench STORE [WORK_DIR]
//   With demo-revenue.csv beside STORE (as in /work/wt/_data), also the
//   report with that file: round 3's measurement.
//   STORE is read-only here: it is copied into WORK_DIR once (a report
//   writes its audit entry). WORK_DIR defaults to /tmp/clusterpilot-disclosure-bench.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bench/process_timer.h"
#include "generator/export_writer.h"
#include "generator/revenue_file_writer.h"
#include "generator/synthetic_institution.h"
#include "reports/monthly_report.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr int kRuns = 3;
constexpr double kTargetSeconds = 3.0;
const CalendarMonth kMonth{2026, 10};

void Check(const Status& status) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.error().ToString().c_str());
    std::exit(1);
  }
}

// CPU seconds (user + system) of all finished children so far.
double ChildrenCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Writes the export (when `export_path` is not empty) and the revenue file
// of a synthetic institution; `departments` > 20 renames each patient's
// department to one of that many (the generator stops at 20).
void WriteInstitution(const SyntheticOptions& options, int departments,
                      const std::string& export_path, const std::string& revenue_path) {
  RevenueFileOptions revenue_options;
  revenue_options.first_month = kMonth;
  revenue_options.last_month = kMonth;
  revenue_options.seed = options.seed + 1;
  auto revenue = RevenueFileWriter::Create(revenue_path, revenue_options);
  if (!revenue.ok()) Check(revenue.error());
  std::unique_ptr<ExportWriter> writer;
  if (!export_path.empty()) {
    auto created = ExportWriter::Create(export_path);
    if (!created.ok()) Check(created.error());
    writer = std::move(created).value();
  }
  std::map<std::string, int> generated_index;  // the generator's departments, numbered
  GenerateInstitution(options, [&](const SyntheticMeasurement& generated) {
    SyntheticMeasurement synthetic = generated;
    if (departments > 20) {
      // A patient in two of the generator's departments stays in two.
      const int original =
          generated_index.try_emplace(synthetic.measurement.department, generated_index.size())
              .first->second;
      const int copy = std::stoi(synthetic.measurement.patient_id.substr(3)) % 3;
      synthetic.measurement.department =
          "Afdeling " + std::to_string((original + 20 * copy) % departments + 1);
      synthetic.measurement.coordinating_department.clear();
    }
    if (writer) writer->Write(synthetic.measurement);
    revenue.value()->Add(synthetic);
  });
  if (writer) Check(writer->Finish());
  Check(revenue.value()->Finish());
}

ReportRequest Request(const std::string& work, const std::string& revenue) {
  ReportRequest request;
  request.month = kMonth;
  request.tariff_file = std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/demo_tariffs.csv";
  request.revenue_file = revenue;
  request.out_dir = work + "/in-process-report";
  request.user = "bench";
  return request;
}

struct InProcessRun {
  double wall_seconds = 0;
  double audit_seconds = 0;
  DisclosureSummary disclosure;
};

InProcessRun ReportInProcess(const std::string& db, const ReportRequest& request) {
  auto store = Store::Open(db, Store::OpenMode::kMustExist);
  if (!store.ok()) Check(store.error());
  const auto started = std::chrono::steady_clock::now();
  Result<ReportSummary> summary = WriteMonthlyReport(*store.value(), request);
  const auto ended = std::chrono::steady_clock::now();
  if (!summary.ok()) Check(summary.error());
  return {std::chrono::duration<double>(ended - started).count(),
          summary.value().disclosure.audit_seconds, summary.value().disclosure};
}

InProcessRun MedianInProcess(const std::string& db, const ReportRequest& request) {
  std::vector<InProcessRun> runs;
  for (int i = 0; i < kRuns; ++i) runs.push_back(ReportInProcess(db, request));
  std::sort(runs.begin(), runs.end(),
            [](const auto& a, const auto& b) { return a.audit_seconds < b.audit_seconds; });
  return runs[kRuns / 2];
}

// `revenue`: the demo's revenue file (few of its patients are the 1M
// store's, as round 3 measured) or the 1M institution's own caseload.
void ReportOnTheMillionStore(const std::string& store, const std::string& work,
                             const std::string& revenue) {
  const std::string db = work + "/1m.sqlite";
  if (!std::filesystem::exists(db)) std::filesystem::copy_file(store, db);
  std::filesystem::permissions(db, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  if (!std::filesystem::exists(revenue)) {
    std::printf("writing the revenue file of the 1M institution's %s ...\n", kMonth.Key().c_str());
    WriteInstitution(SyntheticOptions{.patients = 690000, .months = 12, .last_month = kMonth}, 7,
                     "", revenue);
  }
  std::printf("revenue file %s\n", revenue.c_str());
  const ReportRequest request = Request(work, revenue);
  const double cpu_before = ChildrenCpuSeconds();
  const ProcessTiming report =
      MedianOfRuns({CLUSTERPILOT_BINARY, "report", "--db", db, "--month", kMonth.Key(), "--tariffs",
                    request.tariff_file, "--revenue", revenue, "--out", work + "/report"},
                   kRuns, nullptr, "");
  const double cpu = (ChildrenCpuSeconds() - cpu_before) / kRuns;
  const InProcessRun in_process = MedianInProcess(db, request);
  std::printf(
      "report %s on 1M (median of %d): wall %.2f s, CPU %.2f s, peak %.0f MB (target < %.1f s: "
      "%s)\n",
      kMonth.Key().c_str(), kRuns, report.wall_seconds, cpu, report.peak_memory_mb, kTargetSeconds,
      report.wall_seconds < kTargetSeconds ? "ok" : "OVER TARGET");
  std::printf(
      "  in this process: report %.2f s, of it the disclosure audit %.3f s (%.0f%%; %d rounds, "
      "%d constraints, %d hidden small counts, %d x)\n",
      in_process.wall_seconds, in_process.audit_seconds,
      100.0 * in_process.audit_seconds / in_process.wall_seconds, in_process.disclosure.rounds,
      in_process.disclosure.constraints, in_process.disclosure.small_cells,
      in_process.disclosure.protective_cells);
}

// The audit of an institution of `departments` departments, 150 patients
// each, two months: its store made once, its report run in this process.
InProcessRun AuditWithDepartments(int departments, const std::string& work) {
  const std::string dir = work + "/departments-" + std::to_string(departments);
  const std::string db = dir + "/store.db";
  const std::string revenue = dir + "/revenue.csv";
  if (!std::filesystem::exists(db)) {
    std::filesystem::create_directories(dir);
    SyntheticOptions options{.patients = 150 * departments,
                             .months = 2,
                             .departments = std::min(departments, 20),
                             .seed = 7000 + static_cast<uint64_t>(departments),
                             .last_month = kMonth};
    WriteInstitution(options, departments, dir + "/export.csv", revenue);
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{CLUSTERPILOT_BINARY, "import", "--db", db, dir + "/export.csv"},
          std::vector<std::string>{CLUSTERPILOT_BINARY, "classify", "--db", db}}) {
      if (TimeProcess(command).exit_code != 0) {
        std::fprintf(stderr, "%s failed for %d departments\n", command[1].c_str(), departments);
        std::exit(1);
      }
    }
  }
  return MedianInProcess(db, Request(dir, revenue));
}

void AuditAsDepartmentsGrow(const std::string& work) {
  std::printf(
      "departments | audit s (median of %d) | ratio to 5 | report s | rounds | "
      "constraints | <5 | x\n",
      kRuns);
  double first = 0;
  for (int departments : {5, 10, 20, 50}) {
    const InProcessRun run = AuditWithDepartments(departments, work);
    if (first == 0) first = run.audit_seconds;
    std::printf("%11d | %21.3f | %10.1f | %8.2f | %6d | %11d | %3d | %d\n", departments,
                run.audit_seconds, run.audit_seconds / first, run.wall_seconds,
                run.disclosure.rounds, run.disclosure.constraints, run.disclosure.small_cells,
                run.disclosure.protective_cells);
  }
}

}  // namespace
}  // namespace clusterpilot

int main(int argc, char** argv) {
  using namespace clusterpilot;
  if (argc < 2) {
    std::fprintf(stderr, "usage: disclosure_bench STORE [WORK_DIR]\n");
    return 2;
  }
  const std::string work = argc > 2 ? argv[2] : "/tmp/clusterpilot-disclosure-bench";
  std::filesystem::create_directories(work);
  const std::string demo_revenue =
      std::filesystem::path(argv[1]).parent_path().string() + "/demo-revenue.csv";
  if (std::filesystem::exists(demo_revenue)) ReportOnTheMillionStore(argv[1], work, demo_revenue);
  ReportOnTheMillionStore(argv[1], work, work + "/1m-revenue-2026-10.csv");
  AuditAsDepartmentsGrow(work);
  return 0;
}
