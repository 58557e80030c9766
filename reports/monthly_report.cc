#include "reports/monthly_report.h"

#include <future>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/xml_text.h"
#include "reports/caseload_revenue.h"
#include "reports/csv_table_writer.h"
#include "reports/flagged_patient_list.h"
#include "reports/html_report_writer.h"
#include "reports/json_report_writer.h"
#include "reports/month_snapshot.h"
#include "reports/monthly_figures.h"
#include "reports/monthly_trends.h"
#include "reports/pilot_report.h"
#include "reports/report_directory.h"
#include "reports/report_language.h"
#include "reports/revenue_table.h"
#include "reports/tariff_table.h"
#include "reports/xlsx_report_writer.h"
#include "store/audit_log.h"
#include "store/care_coordination.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

std::string PatientKey(const std::string& department, const std::string& patient) {
  return department + '\x1f' + patient;
}

// Coverage: whether each revenue patient was rated in the department in the
// 12 months ending with the report month. The look-back window's ratings,
// already read for every billed patient, answer that when the window covers
// those months; a shorter window asks the store.
Result<std::vector<bool>> RatedInLastYear(Store& store, const ReportRequest& request,
                                          const MonthSnapshot& current,
                                          const MonthSnapshot& earlier,
                                          const std::vector<RevenueEntry>& entries) {
  constexpr int kCoverageMonths = 12;
  const std::string first_day = request.month.Plus(1 - kCoverageMonths).FirstDay().ToIso();
  std::unordered_set<std::string> rated;
  for (const PatientMonth& patient : current.patients) {
    rated.insert(PatientKey(current.departments[patient.department], patient.patient_id));
  }
  for (const PatientMonth& patient : earlier.patients) {
    if (patient.rating_date >= first_day) {
      rated.insert(PatientKey(earlier.departments[patient.department], patient.patient_id));
    }
  }
  std::vector<std::pair<std::string, std::string>> look_up;
  std::vector<size_t> looked_up_entry;
  std::vector<bool> found(entries.size(), true);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (rated.count(PatientKey(entries[i].department, entries[i].patient_id)) > 0) continue;
    if (request.valid_rating_months >= kCoverageMonths - 1) {
      found[i] = false;
      continue;
    }
    look_up.emplace_back(entries[i].patient_id, entries[i].department);
    looked_up_entry.push_back(i);
  }
  if (look_up.empty()) return found;
  Result<std::vector<bool>> stored = RatedInLastYear(store, request.month, look_up);
  if (!stored.ok()) return stored.error();
  for (size_t i = 0; i < look_up.size(); ++i) found[looked_up_entry[i]] = stored.value()[i];
  return found;
}

// Every revenue file as one table: the report's month and the trends read
// their months from it. A month in two files is refused: adding them up
// would count the month twice, and picking one would be a guess.
Result<RevenueTable> ReadRevenueFiles(Store& store, const ReportRequest& request) {
  std::vector<std::string> files = {request.revenue_file};
  files.insert(files.end(), request.more_revenue_files.begin(), request.more_revenue_files.end());
  RevenueTable all;
  std::map<CalendarMonth, std::string> file_of_month;
  for (const std::string& file : files) {
    Result<RevenueTable> table = ReadRevenueTable(file, StoreDepartmentDirectory(store));
    if (!table.ok()) return table.error();
    for (const RevenueEntry& entry : table.value().entries) {
      const auto [first, inserted] = file_of_month.emplace(entry.month, file);
      if (!inserted && first->second != file) {
        return FieldError(file, entry.line, "month", entry.month.Key(),
                          "this month is also in " + first->second +
                              "; give each month in one revenue file only");
      }
    }
    all.file_name += (all.file_name.empty() ? "" : ", ") + file;
    all.entries.insert(all.entries.end(), table.value().entries.begin(),
                       table.value().entries.end());
    all.warnings.insert(all.warnings.end(), table.value().warnings.begin(),
                        table.value().warnings.end());
  }
  return all;
}

// The report month's revenue, and in *all every month's of every file.
Result<std::optional<RevenueMonth>> ReadRevenue(Store& store, const ReportRequest& request,
                                                std::vector<std::string>* warnings,
                                                std::vector<RevenueEntry>* all) {
  if (request.revenue_file.empty()) return std::optional<RevenueMonth>();
  Result<RevenueTable> table = ReadRevenueFiles(store, request);
  if (!table.ok()) return table.error();
  RevenueMonth month;
  month.file_name = table.value().file_name;
  month.entries = table.value().InMonth(request.month);
  *warnings = table.value().WarningsIn(request.month);
  *all = std::move(table.value().entries);
  return std::optional<RevenueMonth>(std::move(month));
}

Status WriteFiles(const PilotReport& report, const MonthSnapshot& snapshot, bool with_patient_list,
                  const std::string& directory, std::vector<std::string>* files) {
  auto write = [&](const std::string& name, const std::string& content) {
    files->push_back(name);
    return WriteTextFile(directory + "/" + name, content);
  };
  for (const ReportTable& table : report.tables) {
    // File names keep the English table ids whatever the language: scripts
    // that pick up distribution.csv keep working when the setting changes.
    const ReportTable localised = LocalisedTable(table, report.language, report);
    Status status = write(table.id + ".csv", CsvTableText(localised, report.suppress_below));
    if (!status.ok()) return status;
  }
  if (with_patient_list) {
    Status status = write(kFlaggedPatientListFile, FlaggedPatientsCsv(snapshot));
    if (!status.ok()) return status;
  }
  files->push_back("report.xlsx");
  Status xlsx = WriteXlsxReport(report, directory + "/report.xlsx");
  if (!xlsx.ok()) return xlsx;
  // A character XML forbids (from a department name, say) is refused here,
  // once for the whole page, rather than at each of its many pieces.
  const std::string page = HtmlReportText(report);
  Status well_formed = CheckXmlCharacters(page);
  if (!well_formed.ok()) {
    Error error = well_formed.error();
    error.file = directory + "/report.html";
    return error;
  }
  Status html = write("report.html", page);
  if (!html.ok()) return html;
  return write(kReportMarkerFile, JsonReportText(report));
}

const std::vector<RevenueEntry>& BilledEntries(const Result<std::optional<RevenueMonth>>& revenue) {
  static const std::vector<RevenueEntry> kNone;
  return revenue.value() ? revenue.value()->entries : kNone;
}

// Each billed patient once, sorted.
std::vector<std::string> BilledPatientIds(const std::vector<RevenueEntry>& entries) {
  std::set<std::string> ids;
  for (const RevenueEntry& entry : entries) ids.insert(entry.patient_id);
  return std::vector<std::string>(ids.begin(), ids.end());
}

// Everything the report is computed from.
struct ReportInputs {
  TariffTable tariffs;
  MonthSnapshot current;
  // The month before, counts only (as the trends keep them); absent when
  // nobody was rated then.
  std::optional<TrendMonth> previous;
  MonthSnapshot earlier;  // the look-back window before the month
  std::optional<RevenueMonth> revenue;
  CareCoordination coordination;              // of the billed patients
  std::vector<std::string> revenue_warnings;  // e.g. patients netting below zero
  std::vector<RevenueEntry> all_revenue;      // every month of every revenue file
  // The trends' eleven months before the report's, the month before
  // included: oldest first, counts only.
  std::vector<TrendMonth> trend_months;
};

// The trends' eleven months before the report's, on a connection of their
// own: each month's counts, kept in the store by an earlier report while
// the month is unchanged (reports/trend_month.h). The month before is one
// of them: the report needs only its counts (the shift table's previous
// distribution), so its rows are not read again while they stand.
Result<std::vector<TrendMonth>> LoadTrendMonths(const std::string& path, CalendarMonth month) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) return store.error();
  // A month's rows lie all over the file (rows are stored in import order).
  Status prepared = store.value()->PrepareForScatteredReads();
  if (!prepared.ok()) return prepared.error();
  std::vector<TrendMonth> months;
  for (int back = kTrendMonths - 1; back >= 1; --back) {
    Result<TrendMonth> counts = LoadTrendMonth(*store.value(), month.Plus(-back));
    if (!counts.ok()) return counts.error();
    months.push_back(std::move(counts).value());
  }
  return months;
}

// Who coordinates each billed patient's care, on a connection of its own.
// It walks the patients in id order through the patient index and keeps
// SQLite's small default page cache: a larger one would only add to the
// report's peak memory.
Result<CareCoordination> LoadCareCoordination(const std::string& path, CalendarMonth month,
                                              const std::vector<std::string>& patients) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) return store.error();
  return ReadCareCoordination(*store.value(), month.Plus(1).FirstDay(), patients);
}

// The look-back window's ratings and the (patient, department) pairs they
// were read for.
struct LookBack {
  std::vector<std::pair<std::string, std::string>> patients;
  MonthSnapshot ratings;
};

// The look-back window of the patients rated this month (taken from the
// department index: LoadMonthPatients) and of the billed ones, on a
// connection of its own, so that it is read while this month's rows are.
// Each patient is looked up by key: the cost follows the caseload, not the
// length of the window.
Result<LookBack> LoadLookBack(const std::string& path, const ReportRequest& request,
                              const std::vector<RevenueEntry>& billed) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) return store.error();
  Status prepared = store.value()->PrepareForOrderedLookups();
  if (!prepared.ok()) return prepared.error();
  Result<std::vector<std::pair<std::string, std::string>>> rated =
      LoadMonthPatients(*store.value(), request.month);
  if (!rated.ok()) return rated.error();
  LookBack back;
  back.patients = PatientsToLookBack(std::move(rated).value(), billed);
  Result<MonthSnapshot> ratings =
      LoadEarlierRatings(*store.value(), request.month, request.valid_rating_months, back.patients);
  if (!ratings.ok()) return ratings.error();
  back.ratings = std::move(ratings).value();
  return back;
}

// The look-back window of exactly the patients of `current` and the billed:
// LoadLookBack's when it read the same patients, as it does unless an import
// of this month came between the two reads; read again otherwise.
Result<MonthSnapshot> EarlierRatingsOf(Store& store, const ReportRequest& request,
                                       const MonthSnapshot& current,
                                       const std::vector<RevenueEntry>& billed,
                                       Result<LookBack> read_alongside) {
  if (!read_alongside.ok()) return read_alongside.error();
  std::vector<std::pair<std::string, std::string>> patients = PatientsToLookBack(current, billed);
  if (patients == read_alongside.value().patients) {
    return std::move(read_alongside.value().ratings);
  }
  return LoadEarlierRatings(store, request.month, request.valid_rating_months, patients);
}

// Reads the inputs, overlapping what can overlap: the trend months (the
// month before among them) are read on a second connection and the
// look-back window on a third while this month is read on the first, and
// the billed patients' care coordination on a fourth.
Result<ReportInputs> ReadInputs(Store& store, const ReportRequest& request) {
  ReportInputs inputs;
  Result<TariffTable> tariffs = ReadTariffTable(request.tariff_file);
  if (!tariffs.ok()) return tariffs.error();
  inputs.tariffs = std::move(tariffs).value();
  Status prepared = store.PrepareForScatteredReads();
  if (!prepared.ok()) return prepared.error();
  Result<std::optional<RevenueMonth>> revenue =
      ReadRevenue(store, request, &inputs.revenue_warnings, &inputs.all_revenue);
  if (!revenue.ok()) return revenue.error();
  const std::vector<RevenueEntry>& billed = BilledEntries(revenue);
  std::future<Result<std::vector<TrendMonth>>> trend_months =
      std::async(std::launch::async,
                 [path = store.path(), &request] { return LoadTrendMonths(path, request.month); });
  std::future<Result<LookBack>> look_back = std::async(
      std::launch::async,
      [path = store.path(), &request, &billed] { return LoadLookBack(path, request, billed); });
  std::future<Result<CareCoordination>> coordination;
  if (revenue.value()) {
    coordination = std::async(std::launch::async,
                              [path = store.path(), &request, patients = BilledPatientIds(billed)] {
                                return LoadCareCoordination(path, request.month, patients);
                              });
  }
  Result<MonthSnapshot> current = LoadMonthSnapshot(store, request.month);
  Result<MonthSnapshot> earlier =
      current.ok() ? EarlierRatingsOf(store, request, current.value(), billed, look_back.get())
                   : Result<MonthSnapshot>(current.error());
  Result<std::vector<TrendMonth>> trends = trend_months.get();
  Result<CareCoordination> coordinated =
      coordination.valid() ? coordination.get() : Result<CareCoordination>(CareCoordination());
  if (!current.ok()) return current.error();
  if (!trends.ok()) return trends.error();
  inputs.trend_months = std::move(trends).value();
  if (!inputs.trend_months.back().departments.empty()) {
    inputs.previous = inputs.trend_months.back();
  }
  if (!earlier.ok()) return earlier.error();
  inputs.current = std::move(current).value();
  inputs.earlier = std::move(earlier).value();
  inputs.revenue = std::move(revenue).value();
  if (inputs.revenue) {
    Result<std::vector<bool>> rated =
        RatedInLastYear(store, request, inputs.current, inputs.earlier, inputs.revenue->entries);
    if (!rated.ok()) return rated.error();
    inputs.revenue->rated_in_last_year = std::move(rated).value();
    if (!coordinated.ok()) return coordinated.error();
    inputs.coordination = std::move(coordinated).value();
  }
  return inputs;
}

// The last 12 months: the eleven read for the trends and the report's month.
MonthlyTrends TrendsOf(const ReportInputs& in) {
  std::vector<TrendMonth> months = in.trend_months;
  months.push_back(CountTrendMonth(in.current));
  return ComputeMonthlyTrends(months, in.tariffs, in.all_revenue);
}

}  // namespace

Result<ReportSummary> WriteMonthlyReport(Store& store, const ReportRequest& request) {
  Result<ReportInputs> inputs = ReadInputs(store, request);
  if (!inputs.ok()) return inputs.error();
  const ReportInputs& in = inputs.value();
  MonthlyFigures figures =
      ComputeMonthlyFigures(FigureInputs{.current = &in.current,
                                         .previous = in.previous ? &*in.previous : nullptr,
                                         .earlier = &in.earlier,
                                         .tariffs = &in.tariffs,
                                         .revenue = in.revenue ? &*in.revenue : nullptr,
                                         .monte_carlo = request.monte_carlo,
                                         .valid_rating_months = request.valid_rating_months,
                                         .allocation_rule = request.allocation,
                                         .coordination = &in.coordination,
                                         .intervals_apart = true});
  figures.trends = TrendsOf(in);
  // The cells to hide are chosen while the Monte Carlo draws; the tables
  // are then built again with its intervals (pilot_report.h).
  const SuppressionLimits limits{.suppress_below = request.suppress_below,
                                 .protection_interval = request.protection_interval};
  const std::string generated_at = UtcTimestamp();
  AuditChoices choices;
  {
    Result<PilotReport> hidden = BuildPilotReport(figures, limits, generated_at, &choices);
    if (!hidden.ok()) return hidden.error();
  }  // only its choices are kept: the tables are built again below
  AddRevenueIntervals(&figures);
  Result<PilotReport> built = BuildPilotReport(figures, limits, generated_at, &choices);
  if (!built.ok()) return built.error();
  built.value().language = request.language;
  const PilotReport& report = built.value();

  const std::string what = "patients of " + request.month.Key() +
                           (request.with_patient_list ? " with patient list" : "");
  Status audited = RecordAudit(store, request.user, "report", what);
  if (!audited.ok()) return audited.error();

  ReportSummary summary;
  summary.out_dir = request.out_dir;
  summary.warnings = report.warnings;
  summary.warnings.insert(summary.warnings.end(), in.revenue_warnings.begin(),
                          in.revenue_warnings.end());
  summary.patients = figures.institution.patients;
  summary.disclosure = report.disclosure;
  Status published = PublishReportDirectory(request.out_dir, [&](const std::string& staging) {
    summary.files.clear();
    return WriteFiles(report, in.current, request.with_patient_list, staging, &summary.files);
  });
  if (!published.ok()) return published.error();
  return summary;
}

}  // namespace clusterpilot
