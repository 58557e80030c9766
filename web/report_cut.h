// A manager's cut of the monthly report: from report.json, only the rows and
// columns of the manager's own departments. The report's tables are already
// suppressed and their disclosure audited as a whole (reports/
// disclosure_audit.h); a cut publishes a subset of those same cells, and a
// subset of published figures can only widen what a reader could work out
// about a hidden count, never narrow it. So the cut needs no suppression of
// its own, and no patient id is in report.json to begin with.
#ifndef CLUSTERPILOT_WEB_REPORT_CUT_H_
#define CLUSTERPILOT_WEB_REPORT_CUT_H_

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "core/language.h"

namespace clusterpilot {

// The tables of `report` (report.json's text) cut to `departments`: rows
// keyed department:NAME or transition:NAME/..., or columns keyed
// department:NAME, of the listed departments only; institution totals and
// tables without such rows or columns are left out. Each cell is the text a
// reader sees ("12", "<5", "x", "12,5%", "€ 1.234,56" in Dutch). An error
// when the text is not a report.
Result<Poco::JSON::Object::Ptr> CutReport(const std::string& report,
                                          const std::vector<std::string>& departments,
                                          Language language);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_REPORT_CUT_H_
