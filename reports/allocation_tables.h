// The payment allocation tables (the cashier model): per department, and
// per organisation where the exports name organisations, the one cluster
// payment per patient received, each one's allocated share, what it owes
// the others and the patients it shares with them.
#ifndef CLUSTERPILOT_REPORTS_ALLOCATION_TABLES_H_
#define CLUSTERPILOT_REPORTS_ALLOCATION_TABLES_H_

#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// "allocation": a row per department and the institution, whose payment
// counts each patient once.
DraftTable AllocationTable(const MonthlyFigures& figures);

// "organisation_allocation": the same one level up; only when
// figures.allocation.organisations is not empty.
DraftTable OrganisationAllocationTable(const MonthlyFigures& figures);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_ALLOCATION_TABLES_H_
