// The transitions table: per department, the matrix from the cluster of each
// re-rated patient's previous rating to this month's cluster, with each
// cluster's stability (the share staying in it).
#ifndef CLUSTERPILOT_REPORTS_TRANSITION_TABLES_H_
#define CLUSTERPILOT_REPORTS_TRANSITION_TABLES_H_

#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// "transitions": a row per department and previous cluster that has
// re-rated patients; a column per cluster
// reached anywhere in the table.
DraftTable TransitionsTable(const MonthlyFigures& figures);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TRANSITION_TABLES_H_
