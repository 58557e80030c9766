#include "reports/html_report_writer.h"

#include <vector>

#include "reports/dutch_number.h"
#include "reports/markup.h"
#include "reports/report_keys.h"
#include "reports/svg_charts.h"

namespace clusterpilot {
namespace {

constexpr size_t kWideTableColumns = 9;
constexpr size_t kWorstFitListed = 3;

constexpr const char* kStyle = R"css(
:root { --ink: #212121; --muted: #616161; --line: #e0e0e0; --accent: #1a237e; --warn: #fff8e1; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto;
       max-width: 1100px; padding: 24px; line-height: 1.4; font-size: 14px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 2px solid var(--accent); padding-bottom: 2px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.warnings { background: var(--warn); border-left: 4px solid #f9a825; padding: 8px 14px; margin: 12px 0; }
.warnings p { margin: 4px 0; }
.keys { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 16px 0; }
.key { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.key .label { color: var(--muted); font-size: 12px; }
.key .value { font-size: 20px; font-weight: 600; }
.key .detail { color: var(--muted); font-size: 12px; }
.description { color: var(--muted); margin: 2px 0 8px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 8px; }
table.wide { font-size: 11px; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: bottom; }
th { text-align: right; font-weight: 600; background: #f5f5f5; }
th:first-child, td:first-child { text-align: left; min-width: 13em; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.hidden { color: var(--muted); font-style: italic; }
tr.total td { font-weight: 700; border-top: 2px solid #9e9e9e; }
tr.subtotal td { font-weight: 600; background: #fafafa; }
tr.group td { font-style: italic; color: var(--accent); padding-top: 8px; }
svg.chart { width: 100%; height: auto; max-width: 820px; display: block; }
.legend { color: var(--muted); font-size: 12px; }
.method { color: var(--muted); font-size: 12px; }
footer { margin-top: 28px; color: var(--muted); font-size: 11px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 18pt; }
  h2 { font-size: 12pt; break-after: avoid; }
  table { font-size: 8pt; }
  table.wide { font-size: 6.5pt; }
  th, td { padding: 1px 3px; }
  th:first-child, td:first-child { min-width: 10em; }
  thead { display: table-header-group; }
  tr, .key, figure { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .keys { grid-template-columns: repeat(4, 1fr); }
  section.chart-section { break-inside: avoid; }
}
)css";

std::string Tag(const std::string& name, const std::string& content, const std::string& cls = "") {
  return "<" + name + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + content + "</" + name +
         ">";
}

const char* RowClass(RowStyle style) {
  switch (style) {
    case RowStyle::kGroup:
      return "group";
    case RowStyle::kSubtotal:
      return "subtotal";
    case RowStyle::kTotal:
      return "total";
    case RowStyle::kNormal:
      break;
  }
  return "";
}

std::string TableHtml(const ReportTable& table, int suppress_below) {
  std::string html = "<section id=\"" + EscapeMarkup(table.id) + "\">" +
                     Tag("h2", EscapeMarkup(table.title)) +
                     Tag("p", EscapeMarkup(table.description), "description");
  html += "<div class=\"table-wrap\"><table";
  if (table.columns.size() >= kWideTableColumns) html += " class=\"wide\"";
  html += "><thead><tr><th>" + EscapeMarkup(table.row_header) + "</th>";
  for (const ReportColumn& column : table.columns)
    html += "<th>" + EscapeMarkup(column.label) + "</th>";
  html += "</tr></thead><tbody>";
  for (const ReportRow& row : table.rows) {
    const std::string cls = RowClass(row.style);
    html += cls.empty() ? "<tr>" : "<tr class=\"" + cls + "\">";
    html += "<td>" + EscapeMarkup(row.label) + "</td>";
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const ReportCell& cell = row.cells[c];
      const std::string text = row.style == RowStyle::kGroup
                                   ? ""  // a heading row: no values, not "not applicable"
                                   : HtmlCellText(cell, table.columns[c], suppress_below);
      html += std::string("<td class=\"num") + (cell.Hidden() ? " hidden" : "") + "\">" +
              EscapeMarkup(text) + "</td>";
    }
    html += "</tr>";
  }
  html += "</tbody></table></div>";
  if (table.Has(CellPrivacy::kSmall) || table.Has(CellPrivacy::kProtective)) {
    html += Tag("p",
                EscapeMarkup("<" + std::to_string(suppress_below) + ": fewer than " +
                             std::to_string(suppress_below) +
                             " patients, hidden for privacy. x: hidden so that a small "
                             "number cannot be worked out from the totals."),
                "legend");
  }
  return html + "</section>\n";
}

// The institution's figure in `table` at `column`, as shown; "" when the
// table or column is absent.
std::string InstitutionValue(const PilotReport& report, const std::string& table_id,
                             const std::string& column_key) {
  const ReportTable* table = report.Find(table_id);
  if (table == nullptr) return "";
  const int row = table->RowIndex(kInstitution);
  const int column = table->ColumnIndex(column_key);
  if (row < 0 || column < 0) return "";
  return HtmlCellText(table->At(row, column), table->columns[column], report.suppress_below);
}

std::string KeyFigure(const std::string& label, const std::string& value,
                      const std::string& detail) {
  return "<div class=\"key\">" + Tag("div", EscapeMarkup(label), "label") +
         Tag("div", EscapeMarkup(value), "value") + Tag("div", EscapeMarkup(detail), "detail") +
         "</div>";
}

std::string KeyFigures(const PilotReport& report) {
  namespace id = table_id;
  namespace col = column_key;
  auto value = [&](const char* table, const char* column) {
    return InstitutionValue(report, table, column);
  };
  std::string html = "<section class=\"keys\">";
  html += KeyFigure("Patients in the month", value(id::kActivity, col::kPatients),
                    value(id::kActivity, col::kMeasurements) + " measurements");
  html += KeyFigure("Expected cluster revenue", value(id::kClusterRevenue, col::kTariffExpected),
                    "90% interval " + value(id::kClusterRevenue, col::kP5) + " to " +
                        value(id::kClusterRevenue, col::kP95));
  html += KeyFigure("All tariffs low", value(id::kClusterRevenue, col::kTariffLow),
                    "all high: " + value(id::kClusterRevenue, col::kTariffHigh));
  if (!report.revenue_file.empty()) {
    html += KeyFigure("Difference with current revenue", value(id::kImpact, col::kDifference),
                      value(id::kImpact, col::kDifferencePercent) + " of " +
                          value(id::kImpact, col::kCurrent) + " billed for the same patients");
    html += KeyFigure("Coverage", value(id::kActivity, col::kCoverage),
                      "patients with revenue rated in the last 12 months");
  }
  html += KeyFigure("Poorly fitting", value(id::kFit, col::kPoorFitShare),
                    value(id::kFit, col::kPoorFit) + " patients; " +
                        value(id::kPoorFitRevenue, col::kShareOfExpected) + " of expected revenue");
  html += KeyFigure("Override rate", value(id::kOverrides, col::kOverrideRate),
                    "of " + value(id::kOverrides, col::kReviewed) + " reviewed measurements");
  return html + "</section>\n";
}

std::string WorstFit(const PilotReport& report) {
  const ReportTable* ranking = report.Find(table_id::kFitRanking);
  if (ranking == nullptr || ranking->rows.empty()) return "";
  auto text = [&](int row, const char* key) {
    const int column = ranking->ColumnOf(key);
    return EscapeMarkup(
        HtmlCellText(ranking->At(row, column), ranking->columns[column], report.suppress_below));
  };
  std::string items;
  for (size_t i = 0; i < ranking->rows.size() && i < kWorstFitListed; ++i) {
    const int row = static_cast<int>(i);
    items += Tag("li", "<strong>" + EscapeMarkup(ranking->rows[i].label) +
                           "</strong>: " + text(row, column_key::kPoorFitShare) +
                           " of patients fit poorly (" + text(row, column_key::kPoorFit) + " of " +
                           text(row, column_key::kClassified) + ")");
  }
  return "<section>" + Tag("h2", "Where the model fits worst") + Tag("ol", items) + "</section>\n";
}

std::string Charts(const PilotReport& report) {
  std::string html;
  if (const ReportTable* distribution = report.Find(table_id::kDistribution)) {
    html += "<section class=\"chart-section\">" + Tag("h2", "Cluster distribution per department") +
            Tag("p",
                "Share of each department's patients per care cluster (blue: non-psychotic, "
                "orange: psychotic, green: organic).",
                "description") +
            DistributionChartSvg(*distribution, report.suppress_below) + "</section>\n";
  }
  if (const ReportTable* revenue = report.Find(table_id::kClusterRevenue)) {
    html += "<section class=\"chart-section\">" + Tag("h2", "Cluster revenue per department") +
            Tag("p",
                "Expected revenue per month with the 90% Monte Carlo interval (p5-p95) and the "
                "range from all-low to all-high tariffs.",
                "description") +
            RevenueIntervalChartSvg(*revenue, report.Find(table_id::kImpact)) + "</section>\n";
  }
  return html;
}

std::string Method(const PilotReport& report) {
  std::string text =
      "Cluster model: " + (report.model.empty() ? std::string("none yet") : report.model) +
      ". Tariffs: " + report.tariff_file +
      " (euro per patient per month; scenarios, not official prices)" + ". Revenue: " +
      (report.revenue_file.empty() ? std::string("not given") : report.revenue_file) +
      ". Interval: " + FormatCount(report.draws) + " Monte Carlo draws with seed " +
      std::to_string(report.seed) +
      "; each draw prices every cluster from a triangular distribution (low, expected, high) and "
      "draws the cluster of every patient no clinician reviewed from the classifier's "
      "probabilities; p5, p50 and p95 are order statistics of the draws. A patient counts once per "
      "department per month (the latest rating). Counts from 1 to " +
      std::to_string(report.suppress_below - 1) + " are hidden as <" +
      std::to_string(report.suppress_below) +
      ", and further cells as x where a total would reveal them.";
  return "<section class=\"method\">" + Tag("h2", "How these numbers are made") +
         Tag("p", EscapeMarkup(text)) +
         Tag("p",
             EscapeMarkup(DisclosureStatement(report.disclosure, StatementLanguage::kEnglish))) +
         "</section>\n";
}

}  // namespace

std::string HtmlCellText(const ReportCell& cell, const ReportColumn& column, int suppress_below) {
  if (cell.Hidden()) return HiddenMarker(cell, suppress_below);
  switch (cell.kind) {
    case CellKind::kEmpty:
      return "\xE2\x80\x93";
    case CellKind::kText:
      return cell.text;
    case CellKind::kCount:
      return FormatCount(cell.integer);
    case CellKind::kEuros:
      return FormatEuros(cell.integer);
    case CellKind::kPercent:
      return FormatPercent(cell.real, column.decimals);
    case CellKind::kDecimal:
      return FormatDecimal(cell.real, column.decimals);
  }
  return "";
}

std::string HtmlReportText(const PilotReport& report) {
  const std::string title = "Care-cluster pilot report " + report.month_name;
  std::string html =
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
      "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\"/>\n<title>" +
      EscapeMarkup(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  html += "<header>" + Tag("h1", EscapeMarkup(title)) +
          Tag("p",
              EscapeMarkup("Per department and for the institution. Cluster model: " +
                           (report.model.empty() ? std::string("none yet") : report.model) +
                           ". Generated " + report.generated_at + "."),
              "subtitle") +
          "</header>\n";
  if (!report.warnings.empty()) {
    std::string warnings;
    for (const std::string& warning : report.warnings) warnings += Tag("p", EscapeMarkup(warning));
    html += "<section class=\"warnings\">" + warnings + "</section>\n";
  }
  html += KeyFigures(report);
  html += Charts(report);
  html += WorstFit(report);
  for (const ReportTable& table : report.tables) html += TableHtml(table, report.suppress_below);
  html += Method(report);
  html += "<footer>" +
          EscapeMarkup(
              "clusterpilot - synthetic or pseudonymised data only; no patient "
              "identifiers in this report.") +
          "</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace clusterpilot
