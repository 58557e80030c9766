#include "reports/monthly_trends.h"

#include <algorithm>
#include <map>
#include <set>

#include "reports/financial_scenario.h"
#include "reports/month_snapshot.h"

namespace clusterpilot {
namespace {

void AddActivity(const DepartmentActivity& from, DepartmentActivity* to) {
  to->measurements += from.measurements;
  to->not_classified += from.not_classified;
  to->reviewed += from.reviewed;
  to->changed += from.changed;
}

std::vector<std::string> DepartmentsOf(const std::vector<const MonthSnapshot*>& snapshots,
                                       const std::vector<CalendarMonth>& months,
                                       const std::vector<RevenueEntry>& revenue) {
  std::set<std::string> names;
  for (const MonthSnapshot* snapshot : snapshots) {
    names.insert(snapshot->departments.begin(), snapshot->departments.end());
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

// One month's snapshot into its column of every department's trend.
void CountMonth(const MonthSnapshot& snapshot, const TariffTable& tariffs, size_t month,
                MonthlyTrends* trends) {
  std::vector<int> department_of(snapshot.departments.size());
  std::vector<std::string> names;
  for (const DepartmentTrend& department : trends->departments) names.push_back(department.name);
  for (size_t d = 0; d < snapshot.departments.size(); ++d) {
    department_of[d] = IndexIn(names, snapshot.departments[d]);
    AddActivity(snapshot.activity[d],
                &trends->departments[department_of[d]].months[month].activity);
  }
  for (const PatientMonth& patient : snapshot.patients) {
    TrendPoint& point = trends->departments[department_of[patient.department]].months[month];
    point.clusters.Count(patient);
    point.fit.Count(patient);
    RevenueScenario priced;
    priced.Price(patient, tariffs);
    point.priced_patients += priced.priced_patients;
    point.expected_cents += priced.expected_cents;
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
  MonthlyTrends trends;
  if (snapshots.empty()) return trends;
  for (const MonthSnapshot* snapshot : snapshots) {
    trends.months.push_back(SnapshotMonth(*snapshot));
  }
  trends.revenue_covered.assign(trends.months.size(), false);
  for (const std::string& name : DepartmentsOf(snapshots, trends.months, revenue)) {
    trends.departments.push_back(
        DepartmentTrend{name, std::vector<TrendPoint>(trends.months.size())});
  }
  for (size_t m = 0; m < snapshots.size(); ++m) CountMonth(*snapshots[m], tariffs, m, &trends);
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
