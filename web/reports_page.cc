// The reports page for finance and managers: the month's pilot report in
// the page (the report's own HTML, the one unescaped insert besides the page
// frame), its downloads, and for finance the import of an uploaded export
// through the same transactional importer as `clusterpilot import`.
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <utility>

#include "core/calendar_date.h"
#include "importers/export_importer.h"
#include "reports/monthly_report.h"
#include "store/audit_log.h"
#include "store/rating_lookup.h"
#include "web/page_renderer.h"
#include "web/recent_reads.h"
#include "web/report_cut.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

// The report file that names patients; it never leaves through the web.
constexpr const char* kPatientList = "flagged-patients.csv";

bool FileExists(const std::string& path) {
  try {
    return Poco::File(path).exists();
  } catch (const Poco::Exception&) {
    return false;
  }
}

void RemoveQuietly(const std::string& path) {
  try {
    Poco::File(path).remove();
  } catch (const Poco::Exception&) {
    // Not written (no rejects): nothing to remove.
  }
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text between the first `open` tag (with its attributes) and `close`;
// "" when either is missing.
std::string Between(const std::string& text, const std::string& open, const std::string& close) {
  const size_t tag = text.find(open);
  if (tag == std::string::npos) return "";
  const size_t start = text.find('>', tag);
  const size_t end = text.find(close, start);
  if (start == std::string::npos || end == std::string::npos) return "";
  return text.substr(start + 1, end - start - 1);
}

bool MonthHasMeasurements(Store& store, const CalendarMonth& month, Status* status) {
  Result<std::vector<CalendarMonth>> months = MonthsWithMeasurements(store);
  if (!months.ok()) {
    *status = months.error();
    return false;
  }
  return std::find(months.value().begin(), months.value().end(), month) != months.value().end();
}

// Where the month's report for `language` lives while the store's report
// inputs stay at `stamp`: FOLDER/2026-03/nl-12.3400.17/. A new import,
// classification or review gives a new stamp, so no page shows a report
// older than the figures.
std::string MonthFolder(const ReportSettings& settings, const CalendarMonth& month,
                        Language language, const std::string& stamp) {
  return settings.folder + "/" + month.Key() + "/" + std::string(LanguageCode(language)) + "-" +
         stamp;
}

// Removes the month's reports in `language` of earlier stamps: stale, and
// written by this server (the reports folder is its own).
void RemoveStaleReports(const std::string& month_folder, Language language,
                        const std::string& current) {
  const std::string prefix = std::string(LanguageCode(language)) + "-";
  try {
    for (Poco::DirectoryIterator it(month_folder), end; it != end; ++it) {
      if (it.name().starts_with(prefix) && it.path().toString() != current) it->remove(true);
    }
  } catch (const Poco::Exception&) {
    // Another request removed it first; nothing left to clean.
  }
}

// The folder of the month's report in the user's language, written first
// when it is missing, a tariff file is set and the month has measurements;
// "" when there is no report. One writer at a time: two first requests for
// a month must not both stage it.
Result<std::string> EnsureReport(PageContext& context, const CalendarMonth& month) {
  static std::mutex writing;
  const ReportSettings& settings = context.reports;
  if (settings.folder.empty()) return std::string();
  Result<std::string> stamp = context.recent_reads.Stamp(context.store, context.now);
  if (!stamp.ok()) return stamp.error();
  const Language language = PageLanguage(context);
  const std::string folder = MonthFolder(settings, month, language, stamp.value());
  std::lock_guard<std::mutex> lock(writing);
  if (FileExists(folder + "/report.html")) return folder;
  Status status = Status::Ok();
  if (settings.tariff_file.empty() || !MonthHasMeasurements(context.store, month, &status)) {
    if (!status.ok()) return status.error();
    return std::string();
  }
  const std::string month_folder = settings.folder + "/" + month.Key();
  try {
    Poco::File(month_folder).createDirectories();
  } catch (const Poco::Exception& e) {
    Error error;
    error.file = month_folder;
    error.message = e.displayText();
    return error;
  }
  ReportRequest request;
  request.month = month;
  request.tariff_file = settings.tariff_file;
  request.revenue_file = settings.revenue_file;
  request.out_dir = folder;
  request.user = context.user->user.name;
  request.language = language;
  Result<ReportSummary> summary = WriteMonthlyReport(context.store, request);
  if (!summary.ok()) return summary.error();
  RemoveStaleReports(month_folder, language, Poco::Path(folder).toString());
  return folder;
}

// The month asked for and its report's folder ("" when none).
Result<std::pair<CalendarMonth, std::string>> AskedReport(PageContext& context) {
  Result<CalendarMonth> month = ChosenMonth(context);
  if (!month.ok()) return month.error();
  Result<std::string> folder = EnsureReport(context, month.value());
  if (!folder.ok()) return folder.error();
  return std::make_pair(month.value(), folder.value());
}

bool IsManager(const PageContext& context) { return context.user->user.role == WebRole::kManager; }

// The manager's departments' cut of the report in `folder` (web/report_cut.h).
Result<Poco::JSON::Object::Ptr> ManagerCut(const PageContext& context, const std::string& folder) {
  return CutReport(ReadWholeFile(folder + "/report.json"), context.user->user.departments,
                   PageLanguage(context));
}

// The CSV files of the report as one zip, without the patient list.
std::string CsvZip(const std::string& folder) {
  std::vector<std::string> names;
  for (Poco::DirectoryIterator it(folder), end; it != end; ++it) {
    if (it.name().ends_with(".csv") && it.name() != kPatientList) names.push_back(it.name());
  }
  std::sort(names.begin(), names.end());
  std::ostringstream zip;
  Poco::Zip::Compress compress(zip, true);
  for (const std::string& name : names) {
    compress.addFile(Poco::Path(folder + "/" + name), Poco::Path(name));
  }
  compress.close();
  return zip.str();
}

WebResponse Attachment(const std::string& content_type, const std::string& name) {
  WebResponse response;
  response.content_type = content_type;
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return response;
}

Poco::JSON::Object::Ptr ImportValues(const ImportSummary& summary, const std::string& name,
                                     Language language) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("file", name);
  values->set("format", summary.format);
  values->set("read", summary.counts.read);
  values->set("stored", summary.counts.stored);
  values->set("skipped", summary.counts.skipped);
  values->set("conflicts", summary.counts.conflicts);
  values->set("rejected", summary.counts.rejected);
  values->set("problem_count", summary.problem_count);
  Poco::JSON::Array::Ptr problems = new Poco::JSON::Array;
  for (Error problem : summary.first_problems) {
    problem.file = name;  // the browser's name, not the server's temporary file
    problems->add(problem.ToString());
  }
  values->set("problems", problems);
  const ImportCounts& counts = summary.counts;
  values->set("summary", Phrase(language, "web.import_summary",
                                {Value("{read}", std::to_string(counts.read)),
                                 Value("{stored}", std::to_string(counts.stored)),
                                 Value("{skipped}", std::to_string(counts.skipped)),
                                 Value("{conflicts}", std::to_string(counts.conflicts)),
                                 Value("{rejected}", std::to_string(counts.rejected))}));
  if (summary.previous) {
    values->set("previous_batch", summary.previous->batch_id);
    values->set("imported_before",
                Phrase(language, "web.imported_before",
                       {Value("{batch}", std::to_string(summary.previous->batch_id))}));
  }
  return values;
}

}  // namespace

WebResponse ReportsPage(PageContext& context) {
  Result<CalendarMonth> chosen = ChosenMonth(context);
  if (!chosen.ok()) return ErrorPage(context, 400, "web.error.month");
  const CalendarMonth month = chosen.value();
  Status audited = AuditPageView(context, "web report", "report " + month.Key());
  if (!audited.ok()) return ErrorPage(context, 500, "web.error.internal");
  Result<std::string> folder = EnsureReport(context, month);
  if (!folder.ok()) return ErrorMessagePage(context, 500, folder.error().ToString());
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("month", month.Key());
  values->set("finance", context.user->user.role == WebRole::kFinance);
  values->set("csrf_token", context.user->csrf_token);
  if (!folder.value().empty() && IsManager(context)) {
    Result<Poco::JSON::Object::Ptr> cut = ManagerCut(context, folder.value());
    if (!cut.ok()) return ErrorPage(context, 500, "web.error.internal");
    values->set("cut", cut.value());
  } else if (!folder.value().empty()) {
    values->set("available", true);
    // The report's own HTML: rendered and escaped by reports/, so it is the
    // one insert the template leaves unescaped (template_escaping_test).
    if (!context.request.wants_json) {
      values->set("report_html",
                  Between(ReadWholeFile(folder.value() + "/report.html"), "<body", "</body>"));
    }
  }
  return RenderPage(
      context, 200,
      Phrase(PageLanguage(context), "web.title.report", {Value("{month}", month.Key())}), "reports",
      values);
}

WebResponse ReportStyle(PageContext& context) {
  Result<std::pair<CalendarMonth, std::string>> report = AskedReport(context);
  if (!report.ok() || report.value().second.empty()) {
    return ErrorPage(context, 404, "web.error.not_found");
  }
  WebResponse response;
  response.content_type = "text/css; charset=utf-8";
  response.body =
      Between(ReadWholeFile(report.value().second + "/report.html"), "<style", "</style>");
  return response;
}

// Finance downloads the whole report (html, xlsx, csv); a manager only the
// cut of their departments (json), as the page shows it.
WebResponse ReportDownload(PageContext& context) {
  Result<std::pair<CalendarMonth, std::string>> report = AskedReport(context);
  const std::string format = context.request.Query("format");
  const bool allowed = IsManager(context) ? format == "json"
                                          : format == "html" || format == "xlsx" || format == "csv";
  if (!report.ok() || !allowed) return ErrorPage(context, 400, "web.error.format");
  const std::string& folder = report.value().second;
  if (folder.empty()) return ErrorPage(context, 404, "web.error.no_report");
  // The audit entry first: nothing leaves before it is stored.
  const std::string key = report.value().first.Key();
  Status audited = AuditPageView(context, "web report download", "report " + key + " " + format);
  if (!audited.ok()) return ErrorPage(context, 500, "web.error.internal");
  const std::string stem = "clusterpilot-" + key;
  if (format == "json") {
    Result<Poco::JSON::Object::Ptr> cut = ManagerCut(context, folder);
    if (!cut.ok()) return ErrorPage(context, 500, "web.error.internal");
    WebResponse response = JsonResponse(200, cut.value());
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"" + stem + "-departments.json\"");
    return response;
  }
  if (format == "csv") {
    WebResponse response = Attachment("application/zip", stem + "-csv.zip");
    response.body = CsvZip(folder);
    return response;
  }
  WebResponse response =
      format == "xlsx"
          ? Attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       stem + ".xlsx")
          : Attachment("text/html; charset=utf-8", stem + ".html");
  response.file_path = folder + (format == "xlsx" ? "/report.xlsx" : "/report.html");
  return response;
}

WebResponse ImportSubmit(PageContext& context) {
  const WebRequest& request = context.request;
  if (request.upload_path.empty()) {
    return ErrorPage(context, 400, "web.error.choose_file");
  }
  const std::string name = request.upload_name.empty() ? "upload" : request.upload_name;
  ImportOptions options;
  options.path = request.upload_path;
  options.rejects_path = request.upload_path + ".rejects.csv";
  options.user = context.user->user.name;
  options.today = CalendarDate::Today();
  options.listed_problems = 20;
  ExportImporter importer(context.store);
  Result<ImportSummary> summary = importer.Import(options);
  RemoveQuietly(options.rejects_path);  // the problems are on the page; the file would linger
  if (!summary.ok()) {
    Error error = summary.error();
    error.file = name;
    return ErrorMessagePage(context, 400, error.ToString());
  }
  return RenderPage(context, 200,
                    Phrase(PageLanguage(context), "web.title.import", {Value("{file}", name)}),
                    "import", ImportValues(summary.value(), name, PageLanguage(context)));
}

}  // namespace clusterpilot
