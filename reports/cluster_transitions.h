// Transitions: per department, how many patients rated this month moved
// from the cluster of their previous rating there (the latest in the
// look-back window before the month) to this month's cluster, and how many
// stayed. The report's "transitions" table shows the matrix with each
// cluster's stability (the share staying).
#ifndef CLUSTERPILOT_REPORTS_CLUSTER_TRANSITIONS_H_
#define CLUSTERPILOT_REPORTS_CLUSTER_TRANSITIONS_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "reports/month_snapshot.h"

namespace clusterpilot {

// (cluster at the previous rating, cluster now) -> patients; cluster 0: none
// (no fitting cluster, or not classified).
using TransitionCounts = std::map<std::pair<int, int>, int64_t>;

// Per output department (`current_of` and `earlier_of` map the snapshots'
// department indexes to output indexes, -1 for none): the transitions of
// every patient rated this month with a previous rating in the same
// department in `earlier`.
std::vector<TransitionCounts> CountTransitions(const MonthSnapshot& earlier,
                                               const std::vector<int>& earlier_of,
                                               const MonthSnapshot& current,
                                               const std::vector<int>& current_of, int departments);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_CLUSTER_TRANSITIONS_H_
