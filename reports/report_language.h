// The report in its reader's language. The table builders lay tables out in
// English (their keys and ids never change: file names, JSON keys and tests
// rely on them); HTML, CSV and XLSX translate each table here, at write
// time, through the one text catalogue (core/language.h). JSON stays English.
#ifndef CLUSTERPILOT_REPORTS_REPORT_LANGUAGE_H_
#define CLUSTERPILOT_REPORTS_REPORT_LANGUAGE_H_

#include <string>

#include "core/language.h"
#include "reports/pilot_report.h"

namespace clusterpilot {

// A copy of `table` with its title, description, label-column header,
// column labels and row labels in `language`; ids, keys and cells as they
// are. Department names stay as the institution wrote them. A text the
// catalogue has no Dutch for stays English (HasDutch tells the tests).
// Titles and descriptions may carry {month} (the previous month),
// {correlation} (the price correlation, "0,70") and {valid_months}.
ReportTable LocalisedTable(const ReportTable& table, Language language, const PilotReport& report);

// The XLSX sheet name of `table_id` ("about" for the about sheet):
// Dutch words in Dutch, the table id in English.
std::string SheetName(const std::string& table_id, Language language);

// The month before the report's month, in `language`; "" when the report
// has no previous month.
std::string PreviousMonthName(const PilotReport& report, Language language);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REPORT_LANGUAGE_H_
