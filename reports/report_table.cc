#include "reports/report_table.h"

namespace clusterpilot {

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

}  // namespace clusterpilot
