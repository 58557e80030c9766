// The tables on who was seen and rated: patients and measurements (with
// revenue coverage), HoNOS+ severity, and the clinicians' review of the
// classification. One row per department and the institution.
#ifndef CLUSTERPILOT_REPORTS_ACTIVITY_TABLES_H_
#define CLUSTERPILOT_REPORTS_ACTIVITY_TABLES_H_

#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// "activity": patients, measurements, not yet classified; with a revenue
// file also the patients with revenue and the share rated in the last year.
DraftTable ActivityTable(const MonthlyFigures& figures);

// "honos": mean HoNOS total and subscales of fully rated patients. A mean
// over fewer than `suppress_below` patients is hidden from the start.
DraftTable HonosTable(const MonthlyFigures& figures, int suppress_below);

// "overrides": measurements classified, reviewed, confirmed and changed.
DraftTable OverridesTable(const MonthlyFigures& figures);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_ACTIVITY_TABLES_H_
