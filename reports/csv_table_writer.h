// Writes a report table through the one Dutch CSV writer
// (core/dutch_csv_writer.h): UTF-8 with a byte-order mark, ';' between
// cells, a decimal comma, CRLF line ends, formulas neutralised. Numbers carry
// no thousands separators so Excel reads them as numbers; hidden cells read
// "<5" or "x".
#ifndef CLUSTERPILOT_REPORTS_CSV_TABLE_WRITER_H_
#define CLUSTERPILOT_REPORTS_CSV_TABLE_WRITER_H_

#include <string>

#include "core/error.h"
#include "reports/report_table.h"

namespace clusterpilot {

// The whole file's content, byte-order mark included.
std::string CsvTableText(const ReportTable& table, int suppress_below);

// A header label with its unit: "Low (€)", "Coverage (%)".
std::string LabelWithUnit(const ReportColumn& column);

// Writes `content` to `path`; the error names the file.
Status WriteTextFile(const std::string& path, const std::string& content);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_CSV_TABLE_WRITER_H_
