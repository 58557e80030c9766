#include "reports/report_table.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace clusterpilot {
namespace {

// A table addressed outside itself is a programming error, not bad input:
// there is nothing the user can fix, and going on would publish garbage.
[[noreturn]] void StopAtBadAddress(const ReportTable& table, const std::string& what) {
  std::fprintf(stderr, "report table \"%s\": %s\n", table.id.c_str(), what.c_str());
  std::abort();
}

}  // namespace

ReportCell& ReportTable::At(int row, int column) {
  return const_cast<ReportCell&>(std::as_const(*this).At(row, column));
}

const ReportCell& ReportTable::At(int row, int column) const {
  const bool inside = row >= 0 && row < static_cast<int>(rows.size()) && column >= 0 &&
                      column < static_cast<int>(rows[row].cells.size());
  if (!inside) {
    StopAtBadAddress(*this, "no cell at row " + std::to_string(row) + ", column " +
                                std::to_string(column) + " (" + std::to_string(rows.size()) +
                                " rows)");
  }
  return rows[row].cells[column];
}

ReportCell& ReportTable::At(int row, const std::string& column_key) {
  return At(row, ColumnOf(column_key));
}

const ReportCell& ReportTable::At(int row, const std::string& column_key) const {
  return At(row, ColumnOf(column_key));
}

int ReportTable::ColumnOf(const std::string& key) const {
  const int column = ColumnIndex(key);
  if (column < 0) StopAtBadAddress(*this, "no column \"" + key + "\"");
  return column;
}

ReportCell ReportCell::Text(std::string text) {
  ReportCell cell;
  cell.kind = CellKind::kText;
  cell.text = std::move(text);
  return cell;
}

ReportCell ReportCell::Count(int64_t count) {
  ReportCell cell;
  cell.kind = CellKind::kCount;
  cell.integer = count;
  return cell;
}

ReportCell ReportCell::Euros(int64_t cents) {
  ReportCell cell;
  cell.kind = CellKind::kEuros;
  cell.integer = cents;
  return cell;
}

ReportCell ReportCell::Percent(int64_t numerator, int64_t denominator) {
  if (denominator == 0) return Empty();
  ReportCell cell;
  cell.kind = CellKind::kPercent;
  cell.real = static_cast<double>(numerator) / static_cast<double>(denominator);
  return cell;
}

ReportCell ReportCell::Decimal(double value) {
  ReportCell cell;
  cell.kind = CellKind::kDecimal;
  cell.real = value;
  return cell;
}

int ReportTable::ColumnIndex(const std::string& key) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

int ReportTable::RowIndex(const std::string& key) const {
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

bool ReportTable::Has(CellPrivacy privacy) const {
  for (const ReportRow& row : rows) {
    for (const ReportCell& cell : row.cells) {
      if (cell.privacy == privacy) return true;
    }
  }
  return false;
}

std::string HiddenMarker(const ReportCell& cell, int suppress_below) {
  switch (cell.privacy) {
    case CellPrivacy::kSmall:
      return "<" + std::to_string(suppress_below);
    case CellPrivacy::kProtective:
      return "x";
    case CellPrivacy::kShown:
      break;
  }
  return "";
}

std::string HiddenMarker(const ReportCell& cell, const ReportColumn& column, int suppress_below) {
  std::string marker = HiddenMarker(cell, suppress_below);
  if (cell.privacy == CellPrivacy::kSmall && column.kind == CellKind::kPercent) return "n" + marker;
  return marker;
}

const char* RowStyleName(RowStyle style) {
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
  return "normal";
}

}  // namespace clusterpilot
