// Every number of the monthly pilot report, per department and for the
// institution, before any of it is hidden for privacy. Institution counts
// and amounts are the sums of the departments' (a patient counts once per
// department), so department totals always add up.
#ifndef CLUSTERPILOT_REPORTS_MONTHLY_FIGURES_H_
#define CLUSTERPILOT_REPORTS_MONTHLY_FIGURES_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "reports/cluster_distribution.h"
#include "reports/financial_scenario.h"
#include "reports/fit_summary.h"
#include "reports/monte_carlo_interval.h"
#include "reports/month_comparison.h"
#include "reports/month_snapshot.h"
#include "reports/revenue_table.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

// The four classic HoNOS subscales the report averages.
inline constexpr int kReportedSubscales = 4;

// Means over patients whose items are all rated: a dynamic-route record that
// left items unasked would otherwise pull a mean down.
struct HonosAverages {
  int64_t complete_patients = 0;  // all of HV01-HV12 rated
  double total_mean = 0;          // HoNOS total (0-48) of those patients
  std::array<int64_t, kReportedSubscales> subscale_patients{};
  std::array<double, kReportedSubscales>
      subscale_means{};  // behaviour, impairment, symptoms, social
};

struct DepartmentFigures {
  std::string name;
  int64_t patients = 0;  // patients rated in the month (latest rating each)
  DepartmentActivity activity;
  int64_t revenue_patients = 0;        // patients with revenue in the month
  int64_t revenue_patients_rated = 0;  // ... with a rating in the last 12 months
  int64_t current_revenue_cents = 0;   // all patients with revenue in the month
  // The comparison with the cluster model is over the same patients: those
  // rated in the month (and so priced) who also have revenue in it.
  int64_t rated_revenue_patients = 0;
  int64_t rated_revenue_cents = 0;
  HonosAverages honos;
  ClusterCounts clusters;
  FitCounts fit;
  RevenueScenario scenario;
  RevenueInterval interval;
  MonthChange change;
};

// The month's revenue entries with, for each, whether the patient was rated
// in that department in the last 12 months (RatedInLastYear).
struct RevenueMonth {
  std::string file_name;
  std::vector<RevenueEntry> entries;
  std::vector<bool> rated_in_last_year;
};

struct MonthlyFigures {
  CalendarMonth month;
  ClusterModelRecord model;
  std::string tariff_file;
  TariffTable tariffs;       // what the reader knows too: amounts are counts times these
  std::string revenue_file;  // empty: no revenue given
  std::vector<DepartmentFigures> departments;  // sorted by name
  DepartmentFigures institution;
  int64_t distinct_patients = 0;  // patients, each counted once across departments
  bool has_previous = false;
  CalendarMonth previous_month;
  ClusterCounts previous_clusters;               // institution, previous month
  std::map<std::pair<int, int>, int64_t> moves;  // (from, to) cluster -> patients
  MonteCarloOptions monte_carlo;
  std::vector<std::string> warnings;  // for the reader, e.g. unclassified measurements
};

// Computes the report's numbers. `previous` and `revenue` may be null.
// `simulated` is SimulateCurrentMonth's result for `current`, computed
// beforehand so that it can run while the rest is read from the store.
MonthlyFigures ComputeMonthlyFigures(const MonthSnapshot& current, const MonthSnapshot* previous,
                                     const TariffTable& tariffs, const RevenueMonth* revenue,
                                     const MonteCarloResult& simulated,
                                     const MonteCarloOptions& monte_carlo);

// The Monte Carlo interval of `current`, per department of the snapshot.
MonteCarloResult SimulateCurrentMonth(const MonthSnapshot& current, const TariffTable& tariffs,
                                      const MonteCarloOptions& monte_carlo);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTHLY_FIGURES_H_
