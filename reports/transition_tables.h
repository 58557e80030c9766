// The transitions table: per department, the matrix from the cluster of each
// re-rated patient's previous rating to this month's cluster, with each
// cluster's stability (the share staying in it).
#ifndef CLUSTERPILOT_REPORTS_TRANSITION_TABLES_H_
#define CLUSTERPILOT_REPORTS_TRANSITION_TABLES_H_

#include <functional>
#include <set>

#include "reports/cell_meanings.h"
#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// Which moves from one cluster to another a figure counts.
using TransitionPick = std::function<bool(int from, int to)>;

// Every move.
bool AnyTransition(int from, int to);

// The clusters reached anywhere, in order: the transitions table's columns.
std::set<int> ClustersReached(const MonthlyFigures& figures);

// The quantities of the cells of one department's rows in the transitions
// table (its clusters left by the columns `reached`) that `pick` keeps,
// zeros included: the reader sees those cells and knows what they sum to.
// The changes table's re-rated and moved patients (IsCareClusterMove) and
// the moves table's rows are such sums, which puts all three tables in one
// program of the disclosure audit.
QuantityTerms TransitionTerms(const std::set<int>& reached, const DepartmentFigures& department,
                              const TransitionPick& pick);

// "transitions": a row per department and previous cluster that has
// re-rated patients; a column per cluster
// reached anywhere in the table.
DraftTable TransitionsTable(const MonthlyFigures& figures);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TRANSITION_TABLES_H_
