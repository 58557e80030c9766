// The report's last-twelve-months tables (issue 14, item 4), one row per
// department and month and then the institution's months:
//   "trends": patients rated, by supercluster, with poor fit;
//   "trend_reviews": measurements classified, reviewed and changed;
//   "trend_revenue": cluster revenue at the most likely tariffs against
//   today's revenue where the revenue files cover the month.
// Every count carries its meaning (cell_meanings.h) so that the disclosure
// audit holds the trends together with the month's own tables: the
// report's month and the month before name the quantities the
// distribution, fit, overrides and cluster-shift tables name.
#ifndef CLUSTERPILOT_REPORTS_TREND_TABLES_H_
#define CLUSTERPILOT_REPORTS_TREND_TABLES_H_

#include <string>

#include "reports/monthly_trends.h"
#include "reports/small_cell_suppression.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

DraftTable TrendsTable(const MonthlyTrends& trends);
DraftTable TrendReviewsTable(const MonthlyTrends& trends);
DraftTable TrendRevenueTable(const MonthlyTrends& trends, const TariffTable& tariffs);

// "trend:department:Psychosomatics/2026-05", "trend:institution/2026-05":
// the key of a department's (or the institution's) row of a month.
std::string TrendRowKey(const std::string& department_key, const CalendarMonth& month);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TREND_TABLES_H_
