// Where the cluster model fits poorly: patients per poor-fit flag in each
// department, and the departments ranked by their share of poor fits.
#ifndef CLUSTERPILOT_REPORTS_FIT_TABLES_H_
#define CLUSTERPILOT_REPORTS_FIT_TABLES_H_

#include "reports/monthly_figures.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// "fit": patients classified, per fit flag (keyed by FitFlagName), with any
// poor-fit flag, and the poor-fit share.
DraftTable FitTable(const MonthlyFigures& figures);

// "fit_ranking": the departments of the published fit table whose share is
// shown, worst first, with the published cells as they are.
DraftTable FitRankingTable(const ReportTable& published_fit);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_FIT_TABLES_H_
