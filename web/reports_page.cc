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

#include "core/calendar_date.h"
#include "importers/export_importer.h"
#include "reports/monthly_report.h"
#include "store/audit_log.h"
#include "store/rating_lookup.h"
#include "web/page_renderer.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

// The report file that names patients; it never leaves through the web.
constexpr const char* kPatientList = "flagged-patients.csv";

std::string MonthFolder(const ReportSettings& settings, const CalendarMonth& month) {
  return settings.folder + "/" + month.Key();
}

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

// Writes the month's report when it is missing, a tariff file is set and
// the month has measurements. One writer at a time: two first requests for
// a month must not both stage it.
Status EnsureReport(PageContext& context, const CalendarMonth& month) {
  static std::mutex writing;
  const ReportSettings& settings = context.reports;
  const std::string folder = MonthFolder(settings, month);
  std::lock_guard<std::mutex> lock(writing);
  if (settings.folder.empty() || FileExists(folder + "/report.html")) return Status::Ok();
  Status status = Status::Ok();
  if (settings.tariff_file.empty() || !MonthHasMeasurements(context.store, month, &status)) {
    return status;
  }
  ReportRequest request;
  request.month = month;
  request.tariff_file = settings.tariff_file;
  request.revenue_file = settings.revenue_file;
  request.out_dir = folder;
  request.user = context.user->user.name;
  request.language = context.user->user.language;
  Result<ReportSummary> summary = WriteMonthlyReport(context.store, request);
  if (!summary.ok()) return summary.error();
  return Status::Ok();
}

Result<CalendarMonth> AskedMonth(PageContext& context) {
  Result<CalendarMonth> month = ChosenMonth(context);
  if (!month.ok()) return month.error();
  Status ready = EnsureReport(context, month.value());
  if (!ready.ok()) return ready.error();
  return month;
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
  const WebRequest& request = context.request;
  Result<CalendarMonth> chosen = ChosenMonth(context);
  if (!chosen.ok()) return ErrorPage(request, 400, "Maand: schrijf JJJJ-MM / Month: write YYYY-MM");
  const CalendarMonth month = chosen.value();
  Status audited = AuditPageView(context, "web report", "report " + month.Key());
  if (!audited.ok()) return ErrorPage(request, 500, "Interne fout / Internal error");
  Status ready = EnsureReport(context, month);
  if (!ready.ok()) return ErrorPage(request, 500, ready.error().ToString());
  const std::string report = MonthFolder(context.reports, month) + "/report.html";
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("month", month.Key());
  values->set("finance", context.user->user.role == WebRole::kFinance);
  values->set("csrf_token", context.user->csrf_token);
  if (!context.reports.folder.empty() && FileExists(report)) {
    values->set("available", true);
    // The report's own HTML: rendered and escaped by reports/, so it is the
    // one insert the template leaves unescaped (template_escaping_test).
    if (!request.wants_json)
      values->set("report_html", Between(ReadWholeFile(report), "<body", "</body>"));
  }
  return RenderPage(
      context, 200,
      Phrase(PageLanguage(context), "web.title.report", {Value("{month}", month.Key())}), "reports",
      values);
}

WebResponse ReportStyle(PageContext& context) {
  Result<CalendarMonth> month = AskedMonth(context);
  if (!month.ok()) return ErrorPage(context.request, 404, "Niet gevonden / Not found");
  const std::string report = MonthFolder(context.reports, month.value()) + "/report.html";
  if (context.reports.folder.empty() || !FileExists(report)) {
    return ErrorPage(context.request, 404, "Niet gevonden / Not found");
  }
  WebResponse response;
  response.content_type = "text/css; charset=utf-8";
  response.body = Between(ReadWholeFile(report), "<style", "</style>");
  return response;
}

WebResponse ReportDownload(PageContext& context) {
  const WebRequest& request = context.request;
  Result<CalendarMonth> month = AskedMonth(context);
  const std::string format = request.Query("format");
  if (!month.ok() || (format != "html" && format != "xlsx" && format != "csv")) {
    return ErrorPage(request, 400,
                     "Kies maand en formaat (html, xlsx, csv) / Choose month and format");
  }
  const std::string folder = MonthFolder(context.reports, month.value());
  if (context.reports.folder.empty() || !FileExists(folder + "/report.html")) {
    return ErrorPage(request, 404, "Geen rapport voor deze maand / No report for this month");
  }
  // The audit entry first: nothing leaves before it is stored.
  Status audited =
      AuditPageView(context, "web report download", "report " + month.value().Key() + " " + format);
  if (!audited.ok()) return ErrorPage(request, 500, "Interne fout / Internal error");
  const std::string stem = "clusterpilot-" + month.value().Key();
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
    return ErrorPage(request, 400, "Kies een bestand / Choose a file");
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
    return ErrorPage(request, 400, error.ToString());
  }
  return RenderPage(context, 200, "Import " + name, "import",
                    ImportValues(summary.value(), name, PageLanguage(context)));
}

}  // namespace clusterpilot
