#include "reports/report_language.h"

#include <optional>

#include "reports/dutch_number.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

// The English and Dutch title of a supercluster's heading row: "Psychotic
// (Y)", "Psychotische stoornis (Y)".
PhraseValue SuperclusterTitle(const std::string& letter) {
  const std::string key = "supercluster." + letter;
  return PhraseValue{"{name}", Phrase(Language::kEnglish, key), Phrase(Language::kDutch, key)};
}

// A trend row of the institution: "Institution · 2026-05".
constexpr std::string_view kInstitutionTrendRow = "trend:institution/";

std::string RowLabel(const ReportRow& row, Language language) {
  if (row.key.starts_with("department:") || row.key.starts_with("trend:department:")) {
    return row.label;
  }
  if (row.key.starts_with(kInstitutionTrendRow)) {
    return Phrase(language, "column.institution") + " \xC2\xB7 " +
           row.key.substr(kInstitutionTrendRow.size());
  }
  if (const std::optional<int> cluster = ClusterOfRowKey(row.key)) {
    const std::string number = std::to_string(*cluster) + " ";
    if (row.label != number + ClusterName(Language::kEnglish, *cluster)) return row.label;
    return number + ClusterName(language, *cluster);
  }
  if (row.key.starts_with("group:")) {
    return Translate(language, "supercluster." + row.key.substr(6), row.label);
  }
  if (const std::optional<Supercluster> s = SuperclusterOfSubtotalKey(row.key)) {
    return Translate(language, "row.subtotal", row.label,
                     {SuperclusterTitle(SuperclusterLetter(*s))});
  }
  return Translate(language, "row." + row.key, row.label);
}

std::string ColumnLabel(const std::string& table_id, const ReportColumn& column,
                        Language language) {
  if (column.key.starts_with("department:")) return column.label;
  const std::string specific = table_id + ".column." + column.key;
  if (HasDutch(specific, column.label)) return Translate(language, specific, column.label);
  return Translate(language, "column." + column.key, column.label);
}

}  // namespace

std::string PreviousMonthName(const PilotReport& report, Language language) {
  if (report.previous_month_name.empty()) return "";
  const Result<CalendarMonth> month = CalendarMonth::Parse(report.month_key);
  if (!month.ok()) return report.previous_month_name;
  return MonthName(language, month.value().Plus(-1));
}

ReportTable LocalisedTable(const ReportTable& table, Language language, const PilotReport& report) {
  ReportTable out = table;
  if (language == Language::kEnglish) return out;
  // The values a builder writes into a title or description, as it writes them.
  const std::vector<PhraseValue> values = {
      PhraseValue{"{month}", PreviousMonthName(report, Language::kEnglish),
                  PreviousMonthName(report, language)},
      Value("{correlation}", FormatDecimal(report.price_correlation, 2)),
      Value("{valid_months}", std::to_string(report.valid_rating_months))};
  out.title = Translate(language, table.id + ".title", table.title, values);
  out.description = Translate(language, table.id + ".description", table.description, values);
  // Most department tables share one label-column header; a table with its
  // own ("Cluster") has its own key.
  const std::string header_key = table.id + ".row_header";
  out.row_header =
      Translate(language, HasDutch(header_key, table.row_header) ? header_key : "row_header",
                table.row_header);
  for (ReportColumn& column : out.columns) column.label = ColumnLabel(table.id, column, language);
  for (ReportRow& row : out.rows) row.label = RowLabel(row, language);
  return out;
}

std::string SheetName(const std::string& table_id, Language language) {
  return Translate(language, "sheet." + table_id, table_id);
}

}  // namespace clusterpilot
