#include "reports/monthly_trends.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/care_cluster.h"
#include "reports/trend_month.h"

namespace clusterpilot {
namespace {

void AddActivity(const DepartmentActivity& from, DepartmentActivity* to) {
  to->measurements += from.measurements;
  to->not_classified += from.not_classified;
  to->reviewed += from.reviewed;
  to->changed += from.changed;
}

std::vector<std::string> DepartmentsOf(const std::vector<TrendMonth>& trend_months,
                                       const std::vector<CalendarMonth>& months,
                                       const std::vector<RevenueEntry>& revenue) {
  std::set<std::string> names;
  for (const TrendMonth& month : trend_months) {
    for (const DepartmentMonthCounts& department : month.departments) {
      names.insert(department.department);
    }
  }
  for (const RevenueEntry& entry : revenue) {
    if (entry.month >= months.front() && entry.month <= months.back()) {
      names.insert(entry.department);
    }
  }
  return std::vector<std::string>(names.begin(), names.end());
}

int IndexIn(const std::vector<std::string>& sorted, const std::string& name) {
  return static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), name) - sorted.begin());
}

// One month's counts into its column of every department's trend; each
// patient with a care cluster priced at its most likely tariff.
void CountMonth(const TrendMonth& counts, const TariffTable& tariffs, size_t month,
                MonthlyTrends* trends) {
  std::vector<std::string> names;
  for (const DepartmentTrend& department : trends->departments) names.push_back(department.name);
  for (const DepartmentMonthCounts& department : counts.departments) {
    TrendPoint& point = trends->departments[IndexIn(names, department.department)].months[month];
    AddActivity(department.activity, &point.activity);
    point.clusters.Add(department.clusters);
    point.fit.Add(department.fit);
    for (int cluster = 0; cluster < kClusterSlots; ++cluster) {
      if (!IsCareCluster(cluster)) continue;
      const int64_t patients = department.clusters.by_cluster[cluster];
      point.priced_patients += patients;
      point.expected_cents += patients * tariffs.by_cluster[cluster].expected_cents;
    }
  }
}

void CountRevenue(const std::vector<RevenueEntry>& revenue, MonthlyTrends* trends) {
  std::vector<std::string> names;
  for (const DepartmentTrend& department : trends->departments) names.push_back(department.name);
  for (const RevenueEntry& entry : revenue) {
    auto month = std::find(trends->months.begin(), trends->months.end(), entry.month);
    if (month == trends->months.end()) continue;
    const size_t m = static_cast<size_t>(month - trends->months.begin());
    trends->revenue_covered[m] = true;
    trends->departments[IndexIn(names, entry.department)].months[m].billed_cents +=
        entry.amount_cents;
  }
}

}  // namespace

void TrendPoint::Add(const TrendPoint& other) {
  clusters.Add(other.clusters);
  fit.Add(other.fit);
  AddActivity(other.activity, &activity);
  priced_patients += other.priced_patients;
  expected_cents += other.expected_cents;
  billed_cents += other.billed_cents;
}

MonthlyTrends ComputeMonthlyTrends(const std::vector<const MonthSnapshot*>& snapshots,
                                   const TariffTable& tariffs,
                                   const std::vector<RevenueEntry>& revenue) {
  std::vector<TrendMonth> months;
  months.reserve(snapshots.size());
  for (const MonthSnapshot* snapshot : snapshots) months.push_back(CountTrendMonth(*snapshot));
  return ComputeMonthlyTrends(months, tariffs, revenue);
}

MonthlyTrends ComputeMonthlyTrends(const std::vector<TrendMonth>& months,
                                   const TariffTable& tariffs,
                                   const std::vector<RevenueEntry>& revenue) {
  MonthlyTrends trends;
  if (months.empty()) return trends;
  for (const TrendMonth& month : months) trends.months.push_back(month.month);
  trends.revenue_covered.assign(trends.months.size(), false);
  for (const std::string& name : DepartmentsOf(months, trends.months, revenue)) {
    trends.departments.push_back(
        DepartmentTrend{name, std::vector<TrendPoint>(trends.months.size())});
  }
  for (size_t m = 0; m < months.size(); ++m) CountMonth(months[m], tariffs, m, &trends);
  CountRevenue(revenue, &trends);
  trends.institution =
      DepartmentTrend{"Institution", std::vector<TrendPoint>(trends.months.size())};
  for (const DepartmentTrend& department : trends.departments) {
    for (size_t m = 0; m < trends.months.size(); ++m) {
      trends.institution.months[m].Add(department.months[m]);
    }
  }
  return trends;
}

}  // namespace clusterpilot
