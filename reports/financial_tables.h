// The money tables: cluster revenue under the tariff scenarios with its
// Monte Carlo interval, the comparison with today's revenue, and the revenue
// riding on poorly fitting patients. One row per department and the
// institution.
#ifndef CLUSTERPILOT_REPORTS_FINANCIAL_TABLES_H_
#define CLUSTERPILOT_REPORTS_FINANCIAL_TABLES_H_

#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// "cluster_revenue": priced patients, low/expected/high and the interval.
DraftTable ClusterRevenueTable(const MonthlyFigures& figures);

// "caseload_revenue": every billed patient at their valid cluster against
// their current revenue; those without a valid cluster apart.
DraftTable CaseloadRevenueTable(const MonthlyFigures& figures);

// "impact", the second view: cluster revenue against the revenue file over the same
// patients. Where the published cluster revenue hides the expected amount,
// this table hides it too from the start.
DraftTable ImpactTable(const MonthlyFigures& figures, const ReportTable& published_revenue);

// "poor_fit_revenue": expected revenue of poorly fitting patients.
DraftTable PoorFitRevenueTable(const MonthlyFigures& figures);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_FINANCIAL_TABLES_H_
