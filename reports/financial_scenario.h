// Cluster revenue under the three price scenarios: each patient paid the
// low, expected or high tariff of the cluster the report uses. Sums are in
// whole cents, so department totals add up to the institution exactly.
#ifndef CLUSTERPILOT_REPORTS_FINANCIAL_SCENARIO_H_
#define CLUSTERPILOT_REPORTS_FINANCIAL_SCENARIO_H_

#include <cstdint>

#include "reports/month_snapshot.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

struct RevenueScenario {
  int64_t priced_patients = 0;  // patients with a cluster
  int64_t low_cents = 0;
  int64_t expected_cents = 0;
  int64_t high_cents = 0;
  int64_t poor_fit_patients = 0;        // priced patients flagged as fitting poorly
  int64_t poor_fit_expected_cents = 0;  // the expected revenue that rides on them

  // Adds one patient's month; a patient without a cluster adds nothing.
  void Price(const PatientMonth& patient, const TariffTable& tariffs);
  void Add(const RevenueScenario& other);
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_FINANCIAL_SCENARIO_H_
