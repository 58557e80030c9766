// The report for machines: the same tables as the HTML, with the same cells
// hidden. Field by field in docs/report-json.md.
#ifndef CLUSTERPILOT_REPORTS_JSON_REPORT_WRITER_H_
#define CLUSTERPILOT_REPORTS_JSON_REPORT_WRITER_H_

#include <string>

#include "reports/pilot_report.h"

namespace clusterpilot {

// The JSON document, pretty-printed with two spaces.
std::string JsonReportText(const PilotReport& report);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_JSON_REPORT_WRITER_H_
