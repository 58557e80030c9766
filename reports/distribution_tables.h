// The cluster distribution: patients per care cluster in each department
// and the institution, in counts and as shares of each column.
#ifndef CLUSTERPILOT_REPORTS_DISTRIBUTION_TABLES_H_
#define CLUSTERPILOT_REPORTS_DISTRIBUTION_TABLES_H_

#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// "distribution": a row per cluster (ClusterRows), a column per department
// and one for the institution; sums down each column and across each row.
DraftTable DistributionTable(const MonthlyFigures& figures);

// "distribution_percent": the published distribution as shares of each
// column's total, each cell hidden as its count is (all of a column when its
// total is hidden), so it can never show more than the counts do.
DraftTable DistributionPercentTable(const ReportTable& published_distribution);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_DISTRIBUTION_TABLES_H_
