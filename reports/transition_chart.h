// The transitions table as a flow chart (issue 14, item 3): per department,
// bands from the cluster of each re-rated patient's previous rating (left)
// to this month's cluster (right), as wide as the patients they carry. Drawn
// only from the published (already suppressed) table: a hidden count is
// never a band of its own. What a row's hidden cells hold together, its
// re-rated patients minus the bands shown, is one grey band to "hidden"
// (a difference of published numbers, which the disclosure audit already
// holds); a row whose re-rated count is hidden too draws only its shown
// bands.
#ifndef CLUSTERPILOT_REPORTS_TRANSITION_CHART_H_
#define CLUSTERPILOT_REPORTS_TRANSITION_CHART_H_

#include <string>
#include <vector>

#include "core/language.h"
#include "reports/report_table.h"

namespace clusterpilot {

// The panels, two to a row, as one or more SVGs of about a page each; none
// when the table has no row. `transitions` is the published table (row
// labels "Department · 4"); the chart's own words follow `language`.
std::vector<std::string> TransitionFlowSvg(const ReportTable& transitions, Language language);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TRANSITION_CHART_H_
