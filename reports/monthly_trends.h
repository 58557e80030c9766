// The report's last twelve months (issue 14, item 4): per department and
// month, the patients rated, their clusters by supercluster, poor fit,
// reviews and overrides, the cluster revenue at the most likely tariffs and,
// for the months the revenue files cover, today's revenue. Counted the way
// the report counts its own month, so the last point of each line is the
// figure the rest of the report shows.
#ifndef CLUSTERPILOT_REPORTS_MONTHLY_TRENDS_H_
#define CLUSTERPILOT_REPORTS_MONTHLY_TRENDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar_month.h"
#include "reports/cluster_distribution.h"
#include "reports/fit_summary.h"
#include "reports/revenue_table.h"
#include "reports/tariff_table.h"
#include "reports/trend_month.h"
#include "store/month_snapshot.h"

namespace clusterpilot {

inline constexpr int kTrendMonths = 12;

// One department (or the institution) in one month.
struct TrendPoint {
  ClusterCounts clusters;       // patients rated in the month, each once (latest rating)
  FitCounts fit;                // of the same patients
  DepartmentActivity activity;  // every measurement of the month: reviews and overrides
  int64_t priced_patients = 0;  // patients with a care cluster
  int64_t expected_cents = 0;   // their cluster revenue at the most likely tariffs
  int64_t billed_cents = 0;     // today's revenue; 0 when the month is not covered

  int64_t Patients() const { return clusters.Total(); }
  void Add(const TrendPoint& other);
};

struct DepartmentTrend {
  std::string name;
  std::vector<TrendPoint> months;  // parallel to MonthlyTrends::months
};

struct MonthlyTrends {
  std::vector<CalendarMonth> months;         // oldest first; the last is the report's month
  std::vector<bool> revenue_covered;         // whether the revenue files hold the month
  std::vector<DepartmentTrend> departments;  // sorted by name
  DepartmentTrend institution;               // the sum of the departments

  bool empty() const { return months.empty(); }
};

// The trends over `snapshots`, one per month, oldest first and consecutive
// (a month nobody was rated in is an empty snapshot with its first_day
// set). `revenue` holds the entries of every month of every revenue file; a
// month with at least one entry counts as covered. The departments are
// those rated in any of the months or billed in them.
MonthlyTrends ComputeMonthlyTrends(const std::vector<const MonthSnapshot*>& snapshots,
                                   const TariffTable& tariffs,
                                   const std::vector<RevenueEntry>& revenue);

// The same from each month's counts (reports/trend_month.h), as the report
// reads the months before the two it reads whole.
MonthlyTrends ComputeMonthlyTrends(const std::vector<TrendMonth>& months,
                                   const TariffTable& tariffs,
                                   const std::vector<RevenueEntry>& revenue);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTHLY_TRENDS_H_
