#include "reports/monthly_report.h"

#include <optional>

#include "reports/csv_table_writer.h"
#include "reports/flagged_patient_list.h"
#include "reports/html_report_writer.h"
#include "reports/json_report_writer.h"
#include "reports/month_snapshot.h"
#include "reports/monthly_figures.h"
#include "reports/pilot_report.h"
#include "reports/report_directory.h"
#include "reports/revenue_table.h"
#include "reports/tariff_table.h"
#include "reports/xlsx_report_writer.h"
#include "store/audit_log.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

Result<std::optional<RevenueMonth>> ReadRevenue(Store& store, const ReportRequest& request) {
  if (request.revenue_file.empty()) return std::optional<RevenueMonth>();
  Result<std::set<std::string>> departments = StoreDepartments(store);
  if (!departments.ok()) return departments.error();
  Result<RevenueTable> table = ReadRevenueTable(request.revenue_file, departments.value());
  if (!table.ok()) return table.error();
  RevenueMonth month;
  month.file_name = request.revenue_file;
  month.entries = table.value().InMonth(request.month);
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(month.entries.size());
  for (const RevenueEntry& entry : month.entries)
    pairs.emplace_back(entry.patient_id, entry.department);
  Result<std::vector<bool>> rated = RatedInLastYear(store, request.month, pairs);
  if (!rated.ok()) return rated.error();
  month.rated_in_last_year = std::move(rated).value();
  return std::optional<RevenueMonth>(std::move(month));
}

Status WriteFiles(const PilotReport& report, const MonthSnapshot& snapshot, bool with_patient_list,
                  const std::string& directory, std::vector<std::string>* files) {
  auto write = [&](const std::string& name, const std::string& content) {
    files->push_back(name);
    return WriteTextFile(directory + "/" + name, content);
  };
  for (const ReportTable& table : report.tables) {
    Status status = write(table.id + ".csv", CsvTableText(table, report.suppress_below));
    if (!status.ok()) return status;
  }
  if (with_patient_list) {
    Status status = write(kFlaggedPatientListFile, FlaggedPatientsCsv(snapshot));
    if (!status.ok()) return status;
  }
  files->push_back("report.xlsx");
  Status xlsx = WriteXlsxReport(report, directory + "/report.xlsx");
  if (!xlsx.ok()) return xlsx;
  Status html = write("report.html", HtmlReportText(report));
  if (!html.ok()) return html;
  return write(kReportMarkerFile, JsonReportText(report));
}

}  // namespace

Result<ReportSummary> WriteMonthlyReport(Store& store, const ReportRequest& request) {
  Result<TariffTable> tariffs = ReadTariffTable(request.tariff_file);
  if (!tariffs.ok()) return tariffs.error();
  Result<std::optional<RevenueMonth>> revenue = ReadRevenue(store, request);
  if (!revenue.ok()) return revenue.error();
  Result<ClusterModelInfo> model = LatestClusterModel(store);
  if (!model.ok()) return model.error();
  Result<MonthSnapshot> current = LoadMonthSnapshot(store, request.month, model.value());
  if (!current.ok()) return current.error();
  Result<MonthSnapshot> previous = LoadMonthSnapshot(store, request.month.Plus(-1), model.value());
  if (!previous.ok()) return previous.error();
  const bool has_previous = !previous.value().patients.empty();

  const MonthlyFigures figures = ComputeMonthlyFigures(
      current.value(), has_previous ? &previous.value() : nullptr, tariffs.value(),
      revenue.value() ? &*revenue.value() : nullptr, request.monte_carlo);
  const PilotReport report = BuildPilotReport(figures, request.suppress_below, UtcTimestamp());

  const std::string what = "patients of " + request.month.Key() +
                           (request.with_patient_list ? " with patient list" : "");
  Status audited = RecordAudit(store, request.user, "report", what);
  if (!audited.ok()) return audited.error();

  ReportSummary summary;
  summary.out_dir = request.out_dir;
  summary.warnings = report.warnings;
  summary.patients = figures.institution.patients;
  Status published = PublishReportDirectory(request.out_dir, [&](const std::string& staging) {
    summary.files.clear();
    return WriteFiles(report, current.value(), request.with_patient_list, staging, &summary.files);
  });
  if (!published.ok()) return published.error();
  return summary;
}

}  // namespace clusterpilot
