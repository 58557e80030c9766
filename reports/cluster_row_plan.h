// The rows of the cluster tables (distribution, distribution shift): per
// supercluster a heading, its clusters and a subtotal; then no fitting
// cluster, not yet classified and the total. One plan, so every cluster
// table has the same rows in the same order and the same checkable sums.
#ifndef CLUSTERPILOT_REPORTS_CLUSTER_ROW_PLAN_H_
#define CLUSTERPILOT_REPORTS_CLUSTER_ROW_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/supercluster.h"
#include "reports/cluster_distribution.h"
#include "reports/report_table.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

struct ClusterRowPlan {
  std::string key;
  std::string label;
  RowStyle style = RowStyle::kNormal;
  int cluster = 0;                                  // > 0: a cluster row
  Supercluster supercluster = Supercluster::kNone;  // heading and subtotal rows

  // The patients of `counts` this row counts (a heading row has no cells).
  int64_t CountIn(const ClusterCounts& counts) const;
};

// Whether the row holds patients without a care cluster: no fitting cluster
// (the algorithm's or the clinician's decision) or not yet classified.
bool OutsideSuperclusters(const ClusterRowPlan& row);

// The rows in report order; made once, as every table of clusters and each
// of their cells' meanings walk them.
const std::vector<ClusterRowPlan>& ClusterRows();

// Within each of `columns`: a subtotal is the sum of its clusters; the
// total is the sum of the subtotals, no cluster and not classified.
std::vector<TableSum> ClusterColumnSums(const std::vector<ClusterRowPlan>& plan,
                                        const std::vector<int>& columns);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_CLUSTER_ROW_PLAN_H_
