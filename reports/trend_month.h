// One month of the report's trends: per department, the cluster, fit and
// activity counts the trend tables and charts show. Tariff-free, so the
// counts of a month can be kept in the store (store/month_summary.h) and
// priced by each report with its own tariffs.
#ifndef CLUSTERPILOT_REPORTS_TREND_MONTH_H_
#define CLUSTERPILOT_REPORTS_TREND_MONTH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"
#include "reports/cluster_distribution.h"
#include "reports/fit_summary.h"
#include "store/month_snapshot.h"

namespace clusterpilot {

class Store;

struct DepartmentMonthCounts {
  std::string department;
  ClusterCounts clusters;       // each patient once (latest rating)
  FitCounts fit;                // of the same patients
  DepartmentActivity activity;  // every measurement of the month
};

struct TrendMonth {
  CalendarMonth month;
  std::vector<DepartmentMonthCounts> departments;  // sorted by name
};

// Counts the snapshot's patients and activity.
TrendMonth CountTrendMonth(const MonthSnapshot& snapshot);

// The counts as text for the store, and back; nothing when the text is not
// in this version's form (kept by an older program, say).
std::string EncodeTrendMonth(const TrendMonth& month);
std::optional<TrendMonth> DecodeTrendMonth(const CalendarMonth& month, std::string_view text);

// The month's counts: kept ones while they still describe the store, else
// read from the month's rows (clusters only) and kept for the next report.
// Keeping is best effort: a store another program is writing to leaves the
// counts unkept, and the next report reads the rows again.
Result<TrendMonth> LoadTrendMonth(Store& store, const CalendarMonth& month);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TREND_MONTH_H_
