// Writes a report table as Dutch Excel opens it with a double click: UTF-8
// with a byte-order mark, ';' between cells, a decimal comma, CRLF line
// ends. Numbers carry no thousands separators so Excel reads them as
// numbers; hidden cells read "<5" or "x".
#ifndef CLUSTERPILOT_REPORTS_CSV_TABLE_WRITER_H_
#define CLUSTERPILOT_REPORTS_CSV_TABLE_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "reports/report_table.h"

namespace clusterpilot {

// The whole file's content, byte-order mark included.
std::string CsvTableText(const ReportTable& table, int suppress_below);

// One cell as the CSV shows it (without quoting).
std::string CsvCellText(const ReportCell& cell, const ReportColumn& column, int suppress_below);

// A header label with its unit: "Low (€)", "Coverage (%)".
std::string LabelWithUnit(const ReportColumn& column);

// Cells joined by ';', each quoted when it holds ';', '"' or a line break,
// ended by CRLF.
std::string CsvLine(const std::vector<std::string>& cells);

// The byte-order mark that tells Excel the file is UTF-8.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Writes `content` to `path`; the error names the file.
Status WriteTextFile(const std::string& path, const std::string& content);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_CSV_TABLE_WRITER_H_
