// Cluster revenue over the whole caseload: every patient billed in the
// month, priced at their valid cluster. A patient's valid cluster is the
// cluster of their latest rating in that department within the look-back
// window (setting report.valid_rating_months), provided the rating's review
// period (core/review_period.h) had not ended before the month began. Billed
// patients without one are counted apart with their revenue, so the
// comparison with today's revenue covers everyone billed and says how much
// of it rests on no valid rating.
#ifndef CLUSTERPILOT_REPORTS_CASELOAD_REVENUE_H_
#define CLUSTERPILOT_REPORTS_CASELOAD_REVENUE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar_month.h"
#include "reports/financial_scenario.h"
#include "reports/monte_carlo_interval.h"
#include "reports/month_snapshot.h"
#include "reports/revenue_table.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

// One department's (or the institution's) billed caseload. A patient billed
// on several rows in one department counts once, with the rows summed.
struct CaseloadRevenue {
  int64_t billed_patients = 0;     // patients with revenue in the month
  int64_t billed_cents = 0;        // all of their current revenue
  int64_t valid_billed_cents = 0;  // current revenue of those with a valid cluster
  RevenueScenario scenario;        // cluster revenue of those with a valid cluster
  RevenueIntervals interval;       // its Monte Carlo interval

  int64_t valid_patients() const { return scenario.priced_patients; }
  int64_t without_valid_patients() const { return billed_patients - scenario.priced_patients; }
  int64_t without_valid_cents() const { return billed_cents - valid_billed_cents; }
  void Add(const CaseloadRevenue& other);  // all but the interval, which does not add up
};

// The priced caseload: the rating that gives each billed patient their valid
// cluster, with `department` rewritten to the output index, for the Monte
// Carlo interval.
struct PricedCaseload {
  std::vector<CaseloadRevenue> departments;  // by output index (`names`)
  std::vector<PatientMonth> valid;
};

// Prices `billed` (the month's revenue rows) against the latest rating of
// each patient in each department: from `current` (rated this month) where
// there is one, else from `earlier` (the latest in the look-back window
// before the month; may be null). `names` are the output departments,
// sorted; every billed department is among them.
PricedCaseload PriceCaseload(const CalendarMonth& month, const std::vector<RevenueEntry>& billed,
                             const MonthSnapshot& current, const MonthSnapshot* earlier,
                             const TariffTable& tariffs, const std::vector<std::string>& names);

// The (patient, department) pairs whose earlier rating the report needs:
// every patient rated this month (for their previous rating) and every
// billed patient (for their valid cluster), each once, sorted.
std::vector<std::pair<std::string, std::string>> PatientsToLookBack(
    const MonthSnapshot& current, const std::vector<RevenueEntry>& billed);

// The same from the pairs rated this month (LoadMonthPatients) rather than
// their rows.
std::vector<std::pair<std::string, std::string>> PatientsToLookBack(
    std::vector<std::pair<std::string, std::string>> rated,
    const std::vector<RevenueEntry>& billed);

// Whether `rating` gives a valid cluster in `month`: it has a cluster and its
// review period lasts at least until the month's first day.
bool HoldsValidCluster(const PatientMonth& rating, const CalendarMonth& month);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_CASELOAD_REVENUE_H_
