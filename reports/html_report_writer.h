// The report for people: one self-contained HTML page (inline CSS and SVG,
// no scripts, no external files) that reads on screen and prints on A4, with
// Dutch number formatting. It is also well-formed XML, so tools can parse it.
#ifndef CLUSTERPILOT_REPORTS_HTML_REPORT_WRITER_H_
#define CLUSTERPILOT_REPORTS_HTML_REPORT_WRITER_H_

#include <string>

#include "reports/pilot_report.h"

namespace clusterpilot {

std::string HtmlReportText(const PilotReport& report);

// One cell as the HTML shows it: "1.234", "€ 1.234,56", "12,3%", "<5", "x",
// or "–" for not applicable.
std::string HtmlCellText(const ReportCell& cell, const ReportColumn& column, int suppress_below);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_HTML_REPORT_WRITER_H_
