#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <ostream>

#include "app/command_handlers.h"
#include "core/language.h"
#include "reports/monthly_report.h"
#include "store/rating_lookup.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr int kDefaultSuppressBelow = 5;
constexpr int kDefaultProtectionInterval = 3;  // a hidden count keeps at least 3 possible values
constexpr int kDefaultDraws = 10000;
constexpr uint64_t kDefaultSeed = 20260101;
constexpr int kDefaultValidRatingMonths = 12;

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
  // --revenue may be given once per file; the first is the one the report
  // names first, the others add their months.
  std::vector<std::string> revenue = context.GetAll("revenue");
  if (!revenue.empty()) {
    request->revenue_file = revenue.front();
    request->more_revenue_files.assign(revenue.begin() + 1, revenue.end());
  }
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

// report.price_correlation, report.valid_rating_months and report.allocation, into *request;
// the first problem as a message, else "".
std::string ReadRevenueSettings(const Settings& settings, ReportRequest* request) {
  std::string error;
  request->monte_carlo.price_correlation =
      settings.GetDouble("report.price_correlation", kDefaultPriceCorrelation, &error);
  const double correlation = request->monte_carlo.price_correlation;
  if (error.empty() && !(correlation >= 0 && correlation <= 1)) {
    error = "setting report.price_correlation must be between 0 and 1";
  }
  if (!error.empty()) return error;
  request->valid_rating_months = settings.GetIntBetween("report.valid_rating_months",
                                                        kDefaultValidRatingMonths, 1, 120, &error);
  if (!error.empty()) return error;
  const std::string rule = settings.GetString("report.allocation", "coordinator");
  const std::optional<AllocationRule> allocation = ParseAllocationRule(rule);
  if (!allocation) {
    return "setting report.allocation \"" + rule + "\": write coordinator or pro-rata";
  }
  request->allocation = *allocation;
  return "";
}

// report.suppress_below, report.protection_interval, report.monte_carlo_draws,
// report.language and the revenue settings, into *request; the first problem as a message, else "".
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
  request->monte_carlo.draws =
      settings.GetIntBetween("report.monte_carlo_draws", kDefaultDraws, 100, 1000000, &error);
  if (!error.empty()) return error;
  const std::string code = settings.GetString("report.language", "nl");
  const std::optional<Language> language = ParseLanguage(code);
  if (!language)
    return "setting report.language \"" + code + "\": write nl (Dutch) or en (English)";
  request->language = *language;
  return ReadRevenueSettings(settings, request);
}

// "2026-01 to 2026-03, 2026-06": runs of consecutive months as ranges.
std::string MonthRanges(const std::vector<CalendarMonth>& months) {
  std::string text;
  for (size_t start = 0, end = 0; start < months.size(); start = end) {
    for (end = start + 1; end < months.size() && months[end] == months[end - 1].Plus(1);) ++end;
    text += (text.empty() ? "" : ", ") + months[start].Key();
    if (end - start > 1) text += " to " + months[end - 1].Key();
  }
  return text;
}

// A report of a month nobody was rated in would be all zeros: refuse it,
// naming the months that have data.
Status CheckMonthHasData(Store& store, CalendarMonth month) {
  Result<std::vector<CalendarMonth>> months = MonthsWithMeasurements(store);
  if (!months.ok()) return months.error();
  if (std::find(months.value().begin(), months.value().end(), month) != months.value().end()) {
    return Status::Ok();
  }
  Error error = MakeError(months.value().empty()
                              ? "no measurements in this month; the store holds none yet"
                              : "no measurements in this month; the store has measurements in " +
                                    MonthRanges(months.value()));
  error.field = "--month";
  error.value = month.Key();
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
  // The report reads on three connections at once and draws on both cores.
  // glibc gives such threads arenas of their own (up to eight per core), and
  // what the readers left in theirs raised the report's peak by a third in
  // some runs: 147-150 MB against 114 MB on the 1M scale store. With two
  // arenas it stayed at 119 MB, as fast.
#ifdef M_ARENA_MAX  // glibc's
  mallopt(M_ARENA_MAX, 2);
#endif
  ReportRequest request;
  std::string problem = ReadOptions(context, &request);
  if (problem.empty()) problem = ReadSettings(context.settings, &request);
  if (!problem.empty()) return context.Fail(problem, kExitUsage);
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Status has_data = CheckMonthHasData(*store.value(), request.month);
  if (!has_data.ok()) return context.Fail(has_data.error(), kExitInputRejected);
  Result<ReportSummary> summary = WriteMonthlyReport(*store.value(), request);
  if (!summary.ok()) return context.Fail(summary.error(), kExitInputRejected);
  PrintSummary(summary.value(), request, *context.out);
  return kExitSuccess;
}

}  // namespace clusterpilot
