#include <cstdlib>
#include <optional>
#include <ostream>

#include "app/command_handlers.h"
#include "reports/monthly_report.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr int kDefaultSuppressBelow = 5;
constexpr int kDefaultProtectionInterval = 3;  // a hidden count keeps at least 3 possible values
constexpr int kDefaultDraws = 10000;
constexpr uint64_t kDefaultSeed = 20260101;

// The options, into *request; the first problem as a message, else "".
std::string ReadOptions(const CommandContext& context, ReportRequest* request) {
  for (const char* required : {"month", "tariffs", "out"}) {
    if (!context.Has(required) || context.Get(required).empty()) {
      return std::string("--") + required +
             " is required; `clusterpilot report --help` lists the options";
    }
  }
  const Result<CalendarMonth> month = context.Month("month");
  if (!month.ok()) return month.error().ToString();
  request->month = month.value();
  request->tariff_file = context.Get("tariffs");
  request->revenue_file = context.Get("revenue");
  request->out_dir = context.Get("out");
  request->with_patient_list = context.Has("with-patient-list");
  request->user = context.User();
  request->monte_carlo.seed = kDefaultSeed;
  if (context.Has("seed")) {
    const std::string seed = context.Get("seed");
    char* end = nullptr;
    request->monte_carlo.seed = std::strtoull(seed.c_str(), &end, 10);
    if (seed.empty() || *end != '\0' || seed[0] == '-') {
      return "--seed \"" + seed + "\": not a whole number";
    }
  }
  return "";
}

// report.suppress_below, report.protection_interval and
// report.monte_carlo_draws, into *request; the
// first problem as a message, else "".
std::string ReadSettings(const Settings& settings, ReportRequest* request) {
  std::string error;
  request->suppress_below = settings.GetInt("report.suppress_below", kDefaultSuppressBelow, &error);
  if (error.empty() && request->suppress_below < 2) {
    error = "setting report.suppress_below must be at least 2";
  }
  if (!error.empty()) return error;
  request->protection_interval =
      settings.GetInt("report.protection_interval", kDefaultProtectionInterval, &error);
  // Above suppress_below - 1 it asks more than "<k" leaves; the audit then
  // asks that much, and the report says so.
  if (error.empty() && request->protection_interval < 2) {
    error = "setting report.protection_interval must be at least 2";
  }
  if (!error.empty()) return error;
  request->monte_carlo.draws = settings.GetInt("report.monte_carlo_draws", kDefaultDraws, &error);
  if (error.empty() && (request->monte_carlo.draws < 100 || request->monte_carlo.draws > 1000000)) {
    error = "setting report.monte_carlo_draws must be between 100 and 1000000";
  }
  return error;
}

void PrintSummary(const ReportSummary& summary, const ReportRequest& request, std::ostream& out) {
  int csv_files = 0;
  for (const std::string& file : summary.files) csv_files += file.ends_with(".csv") ? 1 : 0;
  out << "report for " << request.month.Name() << " written to " << summary.out_dir << "\n"
      << "  report.html (open in a browser, prints on A4), report.xlsx, report.json and "
      << csv_files << " CSV files\n";
  for (const std::string& warning : summary.warnings) out << "note: " << warning << "\n";
  if (request.with_patient_list) {
    out << "flagged-patients.csv names patients: for the care team only\n";
  }
}

}  // namespace

int RunReportCommand(CommandContext& context) {
  ReportRequest request;
  std::string problem = ReadOptions(context, &request);
  if (problem.empty()) problem = ReadSettings(context.settings, &request);
  if (!problem.empty()) return context.Fail(problem, kExitUsage);
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Result<ReportSummary> summary = WriteMonthlyReport(*store.value(), request);
  if (!summary.ok()) return context.Fail(summary.error(), kExitInputRejected);
  PrintSummary(summary.value(), request, *context.out);
  return kExitSuccess;
}

}  // namespace clusterpilot
