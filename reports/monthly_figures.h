// Every number of the monthly pilot report, per department and for the
// institution, before any of it is hidden for privacy. Institution counts
// and amounts are the sums of the departments' (a patient counts once per
// department), so department totals always add up.
#ifndef CLUSTERPILOT_REPORTS_MONTHLY_FIGURES_H_
#define CLUSTERPILOT_REPORTS_MONTHLY_FIGURES_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "reports/caseload_revenue.h"
#include "reports/cluster_distribution.h"
#include "reports/cluster_transitions.h"
#include "reports/financial_scenario.h"
#include "reports/fit_summary.h"
#include "reports/monte_carlo_interval.h"
#include "reports/month_comparison.h"
#include "reports/month_snapshot.h"
#include "reports/monthly_trends.h"
#include "reports/payment_allocation.h"
#include "reports/revenue_table.h"
#include "reports/tariff_table.h"
#include "reports/trend_month.h"

namespace clusterpilot {

// The four classic HoNOS subscales the report averages.
inline constexpr int kReportedSubscales = 4;

// Means over one group of patients: those with all of HV01-HV12 rated. A
// dynamic-route record that left items unasked would otherwise pull a mean
// down, and one group for every column makes the four subscale means add up
// to the total's.
struct HonosAverages {
  int64_t complete_patients = 0;  // all of HV01-HV12 rated
  double total_mean = 0;          // HoNOS total (0-48) of those patients
  std::array<double, kReportedSubscales>
      subscale_means{};  // behaviour, impairment, symptoms, social; same patients
};

struct PendingIntervals;  // monthly_figures.cc

struct DepartmentFigures {
  std::string name;
  int64_t patients = 0;  // patients rated in the month (latest rating each)
  DepartmentActivity activity;
  int64_t revenue_patients = 0;        // patients with revenue in the month
  int64_t revenue_patients_rated = 0;  // ... with a rating in the last 12 months
  int64_t current_revenue_cents = 0;   // all patients with revenue in the month
  // The second view of the comparison with the cluster model, over the same
  // patients: those rated in the month (and so priced) who also have revenue.
  int64_t rated_revenue_patients = 0;
  int64_t rated_revenue_cents = 0;
  HonosAverages honos;
  ClusterCounts clusters;
  FitCounts fit;
  RevenueScenario scenario;
  RevenueIntervals interval;  // of the cluster revenue of patients rated in the month
  CaseloadRevenue caseload;   // every billed patient at their valid cluster
  // Patients rated in the month against their own previous rating in the
  // department (the latest in the look-back window before the month).
  MonthChange change;
  AllocationShare allocation;    // its side of the one payment per patient
  TransitionCounts transitions;  // re-rated patients: previous cluster -> this month's
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
  int valid_rating_months = 12;   // the look-back window for valid clusters and re-ratings
  bool has_previous = false;      // anyone rated in the previous month
  CalendarMonth previous_month;
  bool has_earlier = false;         // anyone rated in the look-back window before the month
  ClusterCounts previous_clusters;  // institution, previous month
  // (from, to) cluster -> re-rated patients, from their previous rating to this month's
  std::map<std::pair<int, int>, int64_t> moves;
  PaymentAllocation allocation;  // with revenue only
  MonthlyTrends trends;          // the last 12 months; empty when not computed
  MonteCarloOptions monte_carlo;
  std::vector<std::string> warnings;  // for the reader, e.g. unclassified measurements
  // The Monte Carlo still drawing (FigureInputs::intervals_apart), until
  // AddRevenueIntervals; null once the intervals are in.
  std::shared_ptr<PendingIntervals> pending_intervals;
};

// What the figures are computed from. `previous` (the month before: its
// counts only, as the trends keep them), `earlier` (the latest rating of
// each patient and department in the `valid_rating_months` before the
// month) and `revenue` may be null.
struct CareCoordination;

struct FigureInputs {
  const MonthSnapshot* current = nullptr;
  const TrendMonth* previous = nullptr;
  const MonthSnapshot* earlier = nullptr;
  const TariffTable* tariffs = nullptr;
  const RevenueMonth* revenue = nullptr;
  MonteCarloOptions monte_carlo;
  int valid_rating_months = 12;
  AllocationRule allocation_rule = AllocationRule::kCoordinator;
  const CareCoordination* coordination = nullptr;  // with revenue; may be null
  // Return while the Monte Carlo still draws, on one thread fewer than it
  // would draw on (a core is left to the caller), with every interval zero
  // until AddRevenueIntervals: the report lays its tables out and runs the
  // disclosure audit meanwhile, as the intervals hide no cell and the audit
  // reads none of them. The draws work on copies of what they need.
  bool intervals_apart = false;
};

// Computes the report's numbers; runs the Monte Carlo of the patients rated
// this month and of the whole caseload, as one simulation.
MonthlyFigures ComputeMonthlyFigures(const FigureInputs& inputs);

// Finishes the Monte Carlo that ComputeMonthlyFigures left drawing
// (intervals_apart), drawing what is left on the calling thread too, and
// writes its intervals into `figures`; nothing when none is pending.
void AddRevenueIntervals(MonthlyFigures* figures);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTHLY_FIGURES_H_
