#include "reports/financial_scenario.h"

#include "core/care_cluster.h"
#include "reports/fit_summary.h"

namespace clusterpilot {

void RevenueScenario::Price(const PatientMonth& patient, const TariffTable& tariffs) {
  const int cluster = patient.ReportedCluster();
  if (!IsCareCluster(cluster)) return;
  const ClusterTariff& tariff = tariffs.by_cluster[cluster];
  ++priced_patients;
  low_cents += tariff.low_cents;
  expected_cents += tariff.expected_cents;
  high_cents += tariff.high_cents;
  if (FitsPoorly(patient)) {
    ++poor_fit_patients;
    poor_fit_expected_cents += tariff.expected_cents;
  }
}

void RevenueScenario::Add(const RevenueScenario& other) {
  priced_patients += other.priced_patients;
  low_cents += other.low_cents;
  expected_cents += other.expected_cents;
  high_cents += other.high_cents;
  poor_fit_patients += other.poor_fit_patients;
  poor_fit_expected_cents += other.poor_fit_expected_cents;
}

}  // namespace clusterpilot
