#include "reports/csv_table_writer.h"

#include <cstring>
#include <fstream>

#include "reports/dutch_number.h"

namespace clusterpilot {
namespace {

std::string QuoteIfNeeded(const std::string& cell) {
  if (cell.find_first_of(";\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string CsvCellText(const ReportCell& cell, const ReportColumn& column, int suppress_below) {
  if (cell.Hidden()) return HiddenMarker(cell, suppress_below);
  switch (cell.kind) {
    case CellKind::kEmpty:
      return "";
    case CellKind::kText:
      return cell.text;
    case CellKind::kCount:
      return std::to_string(cell.integer);
    case CellKind::kEuros:
      return FormatPlainCents(cell.integer);
    case CellKind::kPercent:
      return FormatPlainDecimal(cell.real * 100.0, column.decimals);
    case CellKind::kDecimal:
      return FormatPlainDecimal(cell.real, column.decimals);
  }
  return "";
}

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

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ';';
    line += QuoteIfNeeded(cells[i]);
  }
  return line + "\r\n";
}

std::string CsvTableText(const ReportTable& table, int suppress_below) {
  std::string text(kUtf8ByteOrderMark);
  std::vector<std::string> header = {table.row_header};
  for (const ReportColumn& column : table.columns) header.push_back(LabelWithUnit(column));
  text += CsvLine(header);
  for (const ReportRow& row : table.rows) {
    std::vector<std::string> cells = {row.label};
    for (size_t c = 0; c < table.columns.size(); ++c) {
      cells.push_back(CsvCellText(row.cells[c], table.columns[c], suppress_below));
    }
    text += CsvLine(cells);
  }
  return text;
}

Status WriteTextFile(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(content.data(), static_cast<std::streamsize>(content.size()));
  file.close();
  if (!file) return FileError(path, std::string("cannot be written: ") + std::strerror(errno));
  return Status::Ok();
}

}  // namespace clusterpilot
