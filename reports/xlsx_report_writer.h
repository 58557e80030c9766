// The report as an Excel workbook for finance staff: an "about" sheet with
// the report's sources and settings, then one sheet per table with real
// numbers (formatted as counts, euros and percentages) and the same hidden
// cells as every other format.
#ifndef CLUSTERPILOT_REPORTS_XLSX_REPORT_WRITER_H_
#define CLUSTERPILOT_REPORTS_XLSX_REPORT_WRITER_H_

#include <string>

#include "core/error.h"
#include "reports/pilot_report.h"

namespace clusterpilot {

// Writes the workbook to `path`; the error names the file.
Status WriteXlsxReport(const PilotReport& report, const std::string& path);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_XLSX_REPORT_WRITER_H_
