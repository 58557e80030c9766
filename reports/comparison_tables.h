// The tables that compare the month with the month before: patients rated
// in both and those who moved cluster, the institution's distribution in
// both months, and the most frequent moves between clusters. Only built
// when the store holds the previous month.
#ifndef CLUSTERPILOT_REPORTS_COMPARISON_TABLES_H_
#define CLUSTERPILOT_REPORTS_COMPARISON_TABLES_H_

#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// "changes": per department, patients in either month, in both, and moved.
DraftTable ChangesTable(const MonthlyFigures& figures);

// "cluster_shift": institution patients per cluster row (ClusterRows) in
// both months, their shares and the change in percentage points. This
// month's counts are the distribution's institution column: each is hidden
// where `published_distribution` hides it.
DraftTable ClusterShiftTable(const MonthlyFigures& figures,
                             const ReportTable& published_distribution);

// "moves": the most frequent moves, each of at least `suppress_below`
// patients; the rest are counted together as other moves.
DraftTable MovesTable(const MonthlyFigures& figures, int suppress_below);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_COMPARISON_TABLES_H_
