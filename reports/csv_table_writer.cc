#include "reports/csv_table_writer.h"

#include <cstring>
#include <fstream>

#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

// One cell, typed: text is neutralised, numbers stay numbers.
void WriteCell(const ReportCell& cell, const ReportColumn& column, int suppress_below,
               DutchCsvWriter* csv) {
  if (cell.Hidden()) {
    csv->Text(HiddenMarker(cell, column, suppress_below));
    return;
  }
  switch (cell.kind) {
    case CellKind::kEmpty:
      csv->Empty();
      return;
    case CellKind::kText:
      csv->Text(cell.text);
      return;
    case CellKind::kCount:
      csv->Integer(cell.integer);
      return;
    case CellKind::kEuros:
      csv->Cents(cell.integer);
      return;
    case CellKind::kPercent:
      csv->Decimal(cell.real * 100.0, column.decimals);
      return;
    case CellKind::kDecimal:
      csv->Decimal(cell.real, column.decimals);
      return;
  }
  csv->Empty();
}

}  // namespace

std::string LabelWithUnit(const ReportColumn& column) {
  switch (column.kind) {
    case CellKind::kEuros:
      return column.label + " (\xE2\x82\xAC)";
    case CellKind::kPercent:
      return column.label + " (%)";
    default:
      return column.label;
  }
}

std::string CsvTableText(const ReportTable& table, int suppress_below) {
  DutchCsvWriter csv;
  csv.ByteOrderMark().Text(table.row_header);
  for (const ReportColumn& column : table.columns) csv.Text(LabelWithUnit(column));
  csv.EndLine();
  for (const ReportRow& row : table.rows) {
    csv.Text(row.label);
    for (size_t c = 0; c < table.columns.size(); ++c) {
      WriteCell(row.cells[c], table.columns[c], suppress_below, &csv);
    }
    csv.EndLine();
  }
  return csv.Take();
}

Status WriteTextFile(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(content.data(), static_cast<std::streamsize>(content.size()));
  file.close();
  if (!file) return FileError(path, std::string("cannot be written: ") + std::strerror(errno));
  return Status::Ok();
}

}  // namespace clusterpilot
