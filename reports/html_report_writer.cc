#include "reports/html_report_writer.h"

#include <vector>

#include "reports/dutch_number.h"
#include "reports/markup.h"
#include "reports/report_keys.h"
#include "reports/report_language.h"
#include "reports/svg_charts.h"
#include "reports/transition_chart.h"
#include "reports/trend_charts.h"

namespace clusterpilot {
namespace {

// Tables with this many value columns print on a landscape page; with the
// second number also in a smaller type.
constexpr size_t kLandscapeColumns = 7;
constexpr size_t kWideTableColumns = 9;
constexpr size_t kWorstFitListed = 3;

// Print rules: A4 portrait, and a named landscape page for wide tables, so
// that no table loses its last columns on paper; headers wrap, numbers never.
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
.key .value { font-size: 20px; font-weight: 600; white-space: nowrap; }
.key .detail { color: var(--muted); font-size: 12px; }
.description { color: var(--muted); margin: 2px 0 8px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 8px; }
table.wide { font-size: 11px; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: bottom; }
th { text-align: right; font-weight: 600; background: #f5f5f5; overflow-wrap: break-word; hyphens: auto; }
th:first-child, td:first-child { text-align: left; min-width: 13em; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.hidden { color: var(--muted); font-style: italic; }
tr.total td { font-weight: 700; border-top: 2px solid #9e9e9e; }
tr.subtotal td { font-weight: 600; background: #fafafa; }
tr.group td { font-style: italic; color: var(--accent); padding-top: 8px; }
svg.chart { width: 100%; height: auto; max-width: 900px; display: block; overflow: visible; }
figure { margin: 0 0 8px; }
.legend { color: var(--muted); font-size: 12px; }
.method { color: var(--muted); font-size: 12px; }
footer { margin-top: 28px; color: var(--muted); font-size: 11px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4 portrait; margin: 12mm 10mm; }
@page landscape { size: A4 landscape; margin: 10mm 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 12pt; break-after: avoid; margin-top: 14px; }
  table { font-size: 7.5pt; width: 100%; }
  table.wide { font-size: 6.5pt; }
  th, td { padding: 1px 3px; }
  th:first-child, td:first-child { min-width: 0; width: 24%; }
  thead { display: table-header-group; }
  tr, .key, figure { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .keys { grid-template-columns: repeat(3, 1fr); }
  section.chart-section { break-inside: avoid; }
  section.landscape { page: landscape; }
  svg.chart { max-width: 100%; }
}
)css";

std::string Tag(const std::string& name, const std::string& content, const std::string& cls = "") {
  return "<" + name + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + content + "</" + name +
         ">";
}

bool HasSmallPercent(const ReportTable& table) {
  for (const ReportRow& row : table.rows) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (row.cells[c].privacy == CellPrivacy::kSmall &&
          table.columns[c].kind == CellKind::kPercent) {
        return true;
      }
    }
  }
  return false;
}

std::string HiddenLegend(const ReportTable& table, Language language, int suppress_below) {
  const std::vector<PhraseValue> k = {Value("{k}", std::to_string(suppress_below))};
  std::string legend;
  if (table.Has(CellPrivacy::kSmall) || table.Has(CellPrivacy::kProtective)) {
    legend += Phrase(language, "html.hidden_legend", k);
  }
  if (HasSmallPercent(table)) legend += " " + Phrase(language, "html.hidden_percent_legend", k);
  return legend.empty() ? "" : Tag("p", EscapeMarkup(legend), "legend");
}

// `table` already in the reader's language (LocalisedTable).
std::string TableHtml(const ReportTable& table, Language language, int suppress_below) {
  const bool landscape = table.columns.size() >= kLandscapeColumns;
  std::string html = "<section id=\"" + EscapeMarkup(table.id) + "\"" +
                     (landscape ? " class=\"landscape\"" : "") + ">" +
                     Tag("h2", EscapeMarkup(table.title)) +
                     Tag("p", EscapeMarkup(table.description), "description");
  html += "<div class=\"table-wrap\"><table";
  if (table.columns.size() >= kWideTableColumns) html += " class=\"wide\"";
  html += "><thead><tr><th>" + EscapeMarkup(table.row_header) + "</th>";
  for (const ReportColumn& column : table.columns)
    html += "<th>" + EscapeMarkup(column.label) + "</th>";
  html += "</tr></thead><tbody>";
  for (const ReportRow& row : table.rows) {
    html += row.style == RowStyle::kNormal
                ? "<tr>"
                : "<tr class=\"" + std::string(RowStyleName(row.style)) + "\">";
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
  return html + HiddenLegend(table, language, suppress_below) + "</section>\n";
}

// The institution's figure in `table_id` at `column_key`, as shown; "" when
// the table or column is absent.
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
  auto say = [&report](const char* key, const std::vector<PhraseValue>& values = {}) {
    return Phrase(report.language, key, values);
  };
  std::string html = "<section class=\"keys\">";
  html += KeyFigure(
      say("html.key_patients"), value(id::kActivity, col::kPatients),
      say("html.key_measurements", {Value("{count}", value(id::kActivity, col::kMeasurements))}));
  html +=
      KeyFigure(say("html.key_expected"), value(id::kClusterRevenue, col::kTariffExpected),
                say("html.key_interval", {Value("{low}", value(id::kClusterRevenue, col::kP5)),
                                          Value("{high}", value(id::kClusterRevenue, col::kP95))}));
  html += KeyFigure(
      say("html.key_low"), value(id::kClusterRevenue, col::kTariffLow),
      say("html.key_high", {Value("{high}", value(id::kClusterRevenue, col::kTariffHigh))}));
  if (!report.revenue_file.empty()) {
    html += KeyFigure(
        say("html.key_difference"), value(id::kCaseloadRevenue, col::kDifference),
        say("html.key_difference_detail",
            {Value("{percent}", value(id::kCaseloadRevenue, col::kDifferencePercent)),
             Value("{current}", value(id::kCaseloadRevenue, col::kCurrent)),
             Value("{without}", value(id::kCaseloadRevenue, col::kWithoutValidRevenue))}));
    html += KeyFigure(say("html.key_coverage"), value(id::kActivity, col::kCoverage),
                      say("html.key_coverage_detail"));
  }
  html += KeyFigure(say("html.key_poor_fit"), value(id::kFit, col::kPoorFitShare),
                    say("html.key_poor_fit_detail",
                        {Value("{count}", value(id::kFit, col::kPoorFit)),
                         Value("{share}", value(id::kPoorFitRevenue, col::kShareOfExpected))}));
  html += KeyFigure(
      say("html.key_override"), value(id::kOverrides, col::kOverrideRate),
      say("html.key_override_detail", {Value("{count}", value(id::kOverrides, col::kReviewed))}));
  return html + "</section>\n";
}

std::string WorstFit(const PilotReport& report) {
  const ReportTable* ranking = report.Find(table_id::kFitRanking);
  if (ranking == nullptr || ranking->rows.empty()) return "";
  auto text = [&](int row, const char* key) {
    const int column = ranking->ColumnOf(key);
    return HtmlCellText(ranking->At(row, column), ranking->columns[column], report.suppress_below);
  };
  std::string items;
  for (size_t i = 0; i < ranking->rows.size() && i < kWorstFitListed; ++i) {
    const int row = static_cast<int>(i);
    const std::string line = Phrase(report.language, "html.worst_fit_item",
                                    {Value("{share}", text(row, column_key::kPoorFitShare)),
                                     Value("{count}", text(row, column_key::kPoorFit)),
                                     Value("{total}", text(row, column_key::kClassified))});
    items += Tag("li", "<strong>" + EscapeMarkup(ranking->rows[i].label) +
                           "</strong>: " + EscapeMarkup(line));
  }
  return "<section>" + Tag("h2", EscapeMarkup(Phrase(report.language, "html.worst_fit"))) +
         Tag("ol", items) + "</section>\n";
}

std::string Charts(const PilotReport& report) {
  const Language language = report.language;
  std::string html;
  if (const ReportTable* distribution = report.Find(table_id::kDistribution)) {
    const ReportTable localised = LocalisedTable(*distribution, language, report);
    html +=
        "<section class=\"chart-section\">" +
        Tag("h2", EscapeMarkup(Phrase(language, "html.distribution_chart"))) +
        Tag("p", EscapeMarkup(Phrase(language, "html.distribution_chart_note")), "description") +
        DistributionChartSvg(localised, report.suppress_below, language) + "</section>\n";
  }
  if (const ReportTable* revenue = report.Find(table_id::kClusterRevenue)) {
    const ReportTable localised = LocalisedTable(*revenue, language, report);
    html += "<section class=\"chart-section\">" +
            Tag("h2", EscapeMarkup(Phrase(language, "html.revenue_chart"))) +
            Tag("p", EscapeMarkup(Phrase(language, "html.revenue_chart_note")), "description") +
            RevenueIntervalChartSvg(localised, report.Find(table_id::kImpact), language) +
            "</section>\n";
  }
  return html;
}

// One small-multiples chart of the trends: a heading, a note and one
// figure per page's worth of panels.
std::string TrendChart(const char* title_key, const std::vector<TrendLine>& lines,
                       Language language) {
  std::string figures;
  for (const std::string& svg : TrendSmallMultiplesSvg(lines, Phrase(language, title_key))) {
    figures += Tag("figure", svg);
  }
  if (figures.empty()) return "";
  return "<section class=\"trend-chart\">" + Tag("h2", EscapeMarkup(Phrase(language, title_key))) +
         Tag("p", EscapeMarkup(Phrase(language, "html.trend_chart_note")), "description") +
         figures + "</section>\n";
}

// The last 12 months per department: patients by supercluster, the shares
// of poor fit, reviews and overrides, and cluster against current revenue.
std::string TrendCharts(const PilotReport& report) {
  const ReportTable* trends = report.Find(table_id::kTrends);
  const ReportTable* reviews = report.Find(table_id::kTrendReviews);
  const ReportTable* revenue = report.Find(table_id::kTrendRevenue);
  if (trends == nullptr || reviews == nullptr || revenue == nullptr) return "";
  const Language language = report.language;
  const ReportTable t = LocalisedTable(*trends, language, report);
  const ReportTable r = LocalisedTable(*reviews, language, report);
  const ReportTable v = LocalisedTable(*revenue, language, report);
  auto line = [](const ReportTable& table, const char* key, const char* colour) {
    return TrendLine{&table, key, table.columns[table.ColumnOf(key)].label, colour};
  };
  namespace col = column_key;
  return TrendChart("html.trend_patients_chart",
                    {line(t, col::kNonPsychotic, "#332288"), line(t, col::kPsychotic, "#cc6677"),
                     line(t, col::kOrganic, "#117733"), line(t, col::kWithoutCluster, "#777777")},
                    language) +
         TrendChart("html.trend_shares_chart",
                    {line(t, col::kPoorFitShare, "#882255"), line(r, col::kReviewShare, "#44aa99"),
                     line(r, col::kOverrideRate, "#ddcc77")},
                    language) +
         TrendChart("html.trend_revenue_chart",
                    {line(v, col::kTariffExpected, "#332288"), line(v, col::kCurrent, "#999933")},
                    language);
}

// Per department, bands from the cluster of the previous rating to this
// month's, from the published transitions table.
std::string TransitionChart(const PilotReport& report) {
  const ReportTable* transitions = report.Find(table_id::kTransitions);
  if (transitions == nullptr) return "";
  const Language language = report.language;
  std::string figures;
  for (const std::string& svg :
       TransitionFlowSvg(LocalisedTable(*transitions, language, report), language)) {
    figures += Tag("figure", svg);
  }
  if (figures.empty()) return "";
  return "<section class=\"transition-chart\">" +
         Tag("h2", EscapeMarkup(Phrase(language, "html.transition_chart"))) +
         Tag("p",
             EscapeMarkup(Phrase(language, "html.transition_chart_note",
                                 {Value("{k}", std::to_string(report.suppress_below))})),
             "description") +
         figures + "</section>\n";
}

std::string ModelName(const PilotReport& report) {
  return report.model.empty() ? Phrase(report.language, "html.no_model") : report.model;
}

std::string Method(const PilotReport& report) {
  const Language language = report.language;
  const std::string text = Phrase(
      language, "html.method",
      {Value("{model}", ModelName(report)), Value("{tariffs}", report.tariff_file),
       Value("{revenue}", report.revenue_file.empty() ? Phrase(language, "html.not_given")
                                                      : report.revenue_file),
       Value("{draws}", FormatCount(report.draws)), Value("{seed}", std::to_string(report.seed)),
       Value("{k_minus_1}", std::to_string(report.suppress_below - 1)),
       Value("{k}", std::to_string(report.suppress_below)),
       Value("{correlation}", FormatDecimal(report.price_correlation, 2)),
       Value("{valid_months}", std::to_string(report.valid_rating_months))});
  return "<section class=\"method\">" +
         Tag("h2", EscapeMarkup(Phrase(language, "html.method_title"))) +
         Tag("p", EscapeMarkup(text)) +
         Tag("p",
             EscapeMarkup(DisclosureStatement(
                 report.disclosure, language == Language::kDutch ? StatementLanguage::kDutch
                                                                 : StatementLanguage::kEnglish))) +
         "</section>\n";
}

std::string MonthTitle(const PilotReport& report) {
  const Result<CalendarMonth> month = CalendarMonth::Parse(report.month_key);
  const std::string name =
      month.ok() ? MonthName(report.language, month.value()) : report.month_name;
  return Phrase(report.language, "html.title", {Value("{month}", name)});
}

}  // namespace

std::string HtmlCellText(const ReportCell& cell, const ReportColumn& column, int suppress_below) {
  if (cell.Hidden()) return HiddenMarker(cell, column, suppress_below);
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
  const Language language = report.language;
  const std::string title = MonthTitle(report);
  std::string html = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" +
                     std::string(LanguageCode(language)) +
                     "\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
                     "content=\"width=device-width, initial-scale=1\"/>\n<title>" +
                     EscapeMarkup(title) + "</title>\n<style>" + kStyle +
                     "</style>\n</head>\n<body>\n";
  html += "<header>" + Tag("h1", EscapeMarkup(title)) +
          Tag("p",
              EscapeMarkup(Phrase(language, "html.subtitle",
                                  {Value("{model}", ModelName(report)),
                                   Value("{generated}", report.generated_at)})),
              "subtitle") +
          "</header>\n";
  if (!report.warnings.empty()) {
    std::string warnings;
    for (const std::string& warning : report.warnings) warnings += Tag("p", EscapeMarkup(warning));
    html += "<section class=\"warnings\">" + warnings + "</section>\n";
  }
  html += KeyFigures(report);
  html += Charts(report);
  html += TrendCharts(report);
  html += TransitionChart(report);
  html += WorstFit(report);
  for (const ReportTable& table : report.tables) {
    html += TableHtml(LocalisedTable(table, language, report), language, report.suppress_below);
  }
  html += Method(report);
  html +=
      "<footer>" + EscapeMarkup(Phrase(language, "html.footer")) + "</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace clusterpilot
