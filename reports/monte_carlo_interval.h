// The uncertainty interval of cluster revenue. Each draw prices every cluster
// from a triangular(low, expected, high) distribution and, for every patient
// whose cluster no clinician has confirmed or chosen, draws the cluster from
// the classifier's probabilities; the draws give mean, p5, p50 and p95 per
// department and for the institution.
//
// Deterministic: draw k uses a random stream derived from (seed, k) only, so
// the same seed gives the same numbers however many threads run the draws.
#ifndef CLUSTERPILOT_REPORTS_MONTE_CARLO_INTERVAL_H_
#define CLUSTERPILOT_REPORTS_MONTE_CARLO_INTERVAL_H_

#include <cstdint>
#include <vector>

#include "reports/month_snapshot.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

struct MonteCarloOptions {
  int draws = 10000;
  uint64_t seed = 20260101;
  int threads = 0;  // 0: as many as the machine has, at most 4
};

// Cluster revenue in cents over the draws. Quantiles are exact order
// statistics (nearest rank) of the draws, each draw rounded to the cent.
struct RevenueInterval {
  double mean_cents = 0;
  int64_t p5_cents = 0;
  int64_t p50_cents = 0;
  int64_t p95_cents = 0;
};

struct MonteCarloResult {
  int draws = 0;
  std::vector<RevenueInterval> departments;
  RevenueInterval institution;  // of the per-draw institution totals
};

// `department_of[p.department]` is the output index of patient p's
// department (0..department_count-1). Patients without a cluster (none
// fitting, or not classified) bring no revenue in any draw.
MonteCarloResult SimulateClusterRevenue(const std::vector<PatientMonth>& patients,
                                        const std::vector<int>& department_of, int department_count,
                                        const TariffTable& tariffs,
                                        const MonteCarloOptions& options);

// A triangular(low, mode, high) draw by inverting its distribution function
// at u in [0, 1); exactly `low` when low == high.
double TriangularQuantile(double low, double mode, double high, double u);

// The p-quantile (0 < p <= 1) of sorted values by nearest rank.
int64_t NearestRankQuantile(const std::vector<int64_t>& sorted, double p);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTE_CARLO_INTERVAL_H_
