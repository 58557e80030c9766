#include "reports/xlsx_report_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <vector>

#include "core/decimal_rounding.h"
#include "reports/csv_table_writer.h"
#include "reports/report_language.h"

namespace clusterpilot {
namespace {

constexpr int kHeaderRow = 3;
constexpr double kLabelWidth = 44;
constexpr double kNumberWidth = 15;
constexpr size_t kMaxSheetName = 31;
// The decimals the number formats below show ("0.0%", "0.0"). Values are
// written already rounded to them by the report's rule, so that Excel shows
// what the other formats show and a sum over cells adds what is on screen.
constexpr int kShownDecimals = 1;

struct Formats {
  lxw_format* title;
  lxw_format* wrap;
  lxw_format* header;
  lxw_format* bold;
  lxw_format* italic;
  lxw_format* hidden;
  lxw_format* count;
  lxw_format* euros;
  lxw_format* percent;
  lxw_format* decimal;
};

Formats MakeFormats(lxw_workbook* workbook) {
  auto make = [workbook]() { return workbook_add_format(workbook); };
  Formats f{};
  f.title = make();
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.wrap = make();
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.header = make();
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_BOTTOM);
  f.bold = make();
  format_set_bold(f.bold);
  f.italic = make();
  format_set_italic(f.italic);
  f.hidden = make();
  format_set_align(f.hidden, LXW_ALIGN_RIGHT);
  f.count = make();
  format_set_num_format(f.count, "#,##0");
  f.euros = make();
  format_set_num_format(f.euros, "[$\xE2\x82\xAC-413] #,##0.00");
  f.percent = make();
  format_set_num_format(f.percent, "0.0%");
  f.decimal = make();
  format_set_num_format(f.decimal, "0.0");
  return f;
}

void WriteCell(lxw_worksheet* sheet, int row, int column, const ReportCell& cell,
               const ReportColumn& heading, const Formats& f, int suppress_below) {
  const lxw_row_t r = static_cast<lxw_row_t>(row);
  const lxw_col_t c = static_cast<lxw_col_t>(column);
  if (cell.Hidden()) {
    worksheet_write_string(sheet, r, c, HiddenMarker(cell, heading, suppress_below).c_str(),
                           f.hidden);
    return;
  }
  switch (cell.kind) {
    case CellKind::kEmpty:
      return;
    case CellKind::kText:
      worksheet_write_string(sheet, r, c, cell.text.c_str(), nullptr);
      return;
    case CellKind::kCount:
      worksheet_write_number(sheet, r, c, static_cast<double>(cell.integer), f.count);
      return;
    case CellKind::kEuros:
      worksheet_write_number(sheet, r, c, static_cast<double>(cell.integer) / 100.0, f.euros);
      return;
    case CellKind::kPercent:
      worksheet_write_number(sheet, r, c, RoundHalfAwayFromZero(cell.real, kShownDecimals + 2),
                             f.percent);
      return;
    case CellKind::kDecimal:
      worksheet_write_number(sheet, r, c, RoundHalfAwayFromZero(cell.real, kShownDecimals),
                             f.decimal);
      return;
  }
}

void WriteTableSheet(lxw_workbook* workbook, const ReportTable& table, const Formats& f,
                     int suppress_below, Language language) {
  const std::string name = SheetName(table.id, language).substr(0, kMaxSheetName);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  worksheet_write_string(sheet, 0, 0, table.title.c_str(), f.title);
  worksheet_write_string(sheet, 1, 0, table.description.c_str(), nullptr);
  worksheet_set_column(sheet, 0, 0, kLabelWidth, nullptr);
  worksheet_set_column(sheet, 1, static_cast<lxw_col_t>(std::max<size_t>(table.columns.size(), 1)),
                       kNumberWidth, nullptr);
  worksheet_set_row(sheet, kHeaderRow, 45, nullptr);
  worksheet_write_string(sheet, kHeaderRow, 0, table.row_header.c_str(), f.header);
  for (size_t c = 0; c < table.columns.size(); ++c) {
    worksheet_write_string(sheet, kHeaderRow, static_cast<lxw_col_t>(c + 1),
                           LabelWithUnit(table.columns[c]).c_str(), f.header);
  }
  int row = kHeaderRow + 1;
  for (const ReportRow& report_row : table.rows) {
    lxw_format* label =
        report_row.style == RowStyle::kTotal || report_row.style == RowStyle::kSubtotal
            ? f.bold
            : (report_row.style == RowStyle::kGroup ? f.italic : nullptr);
    worksheet_write_string(sheet, static_cast<lxw_row_t>(row), 0, report_row.label.c_str(), label);
    for (size_t c = 0; c < table.columns.size(); ++c) {
      WriteCell(sheet, row, static_cast<int>(c + 1), report_row.cells[c], table.columns[c], f,
                suppress_below);
    }
    ++row;
  }
  worksheet_freeze_panes(sheet, kHeaderRow + 1, 1);
}

void WriteAboutSheet(lxw_workbook* workbook, const PilotReport& report, const Formats& f) {
  const Language language = report.language;
  auto say = [language](const char* key, const std::vector<PhraseValue>& values = {}) {
    return Phrase(language, key, values);
  };
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, SheetName("about", language).c_str());
  worksheet_set_column(sheet, 0, 0, 34, nullptr);
  worksheet_set_column(sheet, 1, 1, 90, f.wrap);
  const Result<CalendarMonth> month = CalendarMonth::Parse(report.month_key);
  const std::string month_name =
      month.ok() ? MonthName(language, month.value()) : report.month_name;
  worksheet_write_string(sheet, 0, 0, say("html.title", {Value("{month}", month_name)}).c_str(),
                         f.title);
  const PhraseValue k = Value("{k}", std::to_string(report.suppress_below));
  const std::string hidden = "<" + std::to_string(report.suppress_below);
  std::vector<std::pair<std::string, std::string>> lines = {
      {say("xlsx.month"), report.month_key},
      {say("xlsx.model"), report.model.empty() ? say("xlsx.no_model") : report.model},
      {say("xlsx.tariffs"), say("xlsx.tariff_unit", {Value("{file}", report.tariff_file)})},
      {say("xlsx.revenue"),
       report.revenue_file.empty() ? say("xlsx.no_revenue") : report.revenue_file},
      {say("xlsx.monte_carlo"), say("xlsx.draws", {Value("{draws}", std::to_string(report.draws)),
                                                   Value("{seed}", std::to_string(report.seed))})},
      {say("xlsx.generated"), report.generated_at},
      {hidden, say("xlsx.small", {k})},
      {"n" + hidden, say("xlsx.percent_small", {k})},
      {"x", say("xlsx.protective")},
  };
  for (const std::string& warning : report.warnings) lines.emplace_back(say("xlsx.note"), warning);
  lxw_row_t row = 2;
  for (const auto& [key, value] : lines) {
    worksheet_write_string(sheet, row, 0, key.c_str(), f.bold);
    worksheet_write_string(sheet, row, 1, value.c_str(), nullptr);
    ++row;
  }
  ++row;
  worksheet_write_string(sheet, row++, 0, say("xlsx.sheets").c_str(), f.bold);
  for (const ReportTable& table : report.tables) {
    const ReportTable localised = LocalisedTable(table, language, report);
    worksheet_write_string(sheet, row, 0, SheetName(table.id, language).c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, localised.title.c_str(), nullptr);
    ++row;
  }
}

}  // namespace

Status WriteXlsxReport(const PilotReport& report, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return FileError(path, "cannot be created");
  const Formats formats = MakeFormats(workbook);
  WriteAboutSheet(workbook, report, formats);
  for (const ReportTable& table : report.tables) {
    WriteTableSheet(workbook, LocalisedTable(table, report.language, report), formats,
                    report.suppress_below, report.language);
  }
  const lxw_error closed = workbook_close(workbook);
  if (closed != LXW_NO_ERROR) {
    return FileError(path, std::string("cannot be written: ") + lxw_strerror(closed));
  }
  return Status::Ok();
}

}  // namespace clusterpilot
