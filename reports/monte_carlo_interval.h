// The uncertainty interval of cluster revenue. Each draw prices every cluster
// from a triangular(low, most likely, high) distribution and, for every
// patient whose cluster no clinician has confirmed or chosen, draws the
// cluster from the classifier's probabilities; the draws give mean, p5, p50
// and p95 per department and for the institution.
//
// Prices move together: each cluster's price quantile is a Gaussian copula
// of one price level shared by all clusters and a deviation of its own, with
// correlation `price_correlation` between any two clusters (1: every cluster
// at the same quantile of its triangle in a draw; 0: independent clusters).
// One negotiated price level is how tariffs move in practice, and treating
// clusters as independent makes the interval several times too narrow.
//
// Each draw also gives two partial revenues, so the report can say where the
// uncertainty comes from: prices only (every patient kept in the reported
// cluster) and classification only (every cluster at its most likely price).
//
// Patients the classifier spreads over exactly two clusters are drawn in
// groups (department and cluster pair): the number who move is drawn once
// per group from its exact distribution (reports/mover_count_table.h).
// A department with many uncertain patients is drawn as one: given the
// prices, its classification revenue is a sum of many independent patients,
// drawn from the normal distribution of the same mean and variance when the
// Berry-Esseen bound says that is within `normal_bound` (docs/report-figures.md
// states the error); smaller departments are drawn patient by patient.
//
// Deterministic: draw k uses a random stream derived from (seed, k) only, so
// the same seed gives the same numbers however many threads run the draws.
#ifndef CLUSTERPILOT_REPORTS_MONTE_CARLO_INTERVAL_H_
#define CLUSTERPILOT_REPORTS_MONTE_CARLO_INTERVAL_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "reports/month_snapshot.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

// The default correlation between any two clusters' prices: most of the price
// uncertainty is the shared level (docs/report-figures.md gives the reasons).
inline constexpr double kDefaultPriceCorrelation = 0.7;

// How far the distribution function of a department's classification
// revenue may lie from a normal one (the Berry-Esseen bound) for the
// simulation to draw it as one normal instead of patient by patient.
inline constexpr double kDefaultNormalBound = 0.02;

struct MonteCarloOptions {
  int draws = 10000;
  uint64_t seed = 20260101;
  int threads = 0;                                      // 0: as many as the machine has, at most 4
  double price_correlation = kDefaultPriceCorrelation;  // 0..1
  double normal_bound = kDefaultNormalBound;            // 0: every patient drawn on their own
  // At most this many draws side by side in vector registers, where the
  // processor has them: eight with AVX-512, four with AVX2. The same
  // numbers as one by one (1), which a test compares them with.
  int draws_side_by_side = 8;
};

// Cluster revenue in cents over the draws. Quantiles are exact order
// statistics (nearest rank) of the draws, each draw rounded to the cent.
struct RevenueInterval {
  double mean_cents = 0;
  int64_t p5_cents = 0;
  int64_t p50_cents = 0;
  int64_t p95_cents = 0;
};

// The same draws seen three ways.
struct RevenueIntervals {
  RevenueInterval combined;             // prices and classification both drawn
  RevenueInterval prices_only;          // clusters as reported, prices drawn
  RevenueInterval classification_only;  // clusters drawn, every price its most likely
};

struct MonteCarloResult {
  int draws = 0;
  std::vector<RevenueIntervals> departments;
  RevenueIntervals institution;  // of the per-draw institution totals
};

// Patients whose revenue is summed per department: `department_of[p.department]`
// is the output index of patient p's department (0..department_count-1).
struct RevenuePopulation {
  const std::vector<PatientMonth>* patients = nullptr;
  std::vector<int> department_of;
  int department_count = 0;
};

// Several populations (the report's patients rated this month and its
// whole billed caseload) over the same draws of the prices, one result
// each. A patient in two populations is drawn in each on its own, which
// leaves each population's interval as it would be alone.
std::vector<MonteCarloResult> SimulateClusterRevenues(
    const std::vector<RevenuePopulation>& populations, const TariffTable& tariffs,
    const MonteCarloOptions& options);

// SimulateClusterRevenues in steps: what the draws need is gathered from
// the populations when made, on the caller's thread; the draws start on
// threads of their own when asked, and the thread that finishes them draws
// too until none is left. The report lays out its tables and audits them
// while the draws run on the other core, then helps with what is left
// (gathering first keeps the populations' passing memory out of that: on
// the 10M store, gathering on the drawing thread made the report's peak 47
// MB higher). Every draw gives the same numbers on whichever thread it runs.
class ClusterRevenueSimulation {
 public:
  ClusterRevenueSimulation(const std::vector<RevenuePopulation>& populations,
                           const TariffTable& tariffs, const MonteCarloOptions& options);
  ~ClusterRevenueSimulation();  // stops drawing, as does replacing it by a move
  ClusterRevenueSimulation(ClusterRevenueSimulation&&) noexcept;
  ClusterRevenueSimulation& operator=(ClusterRevenueSimulation&&) noexcept;

  // Starts drawing on `threads` threads (none: all draws wait for
  // FinishDrawing).
  void StartDrawing(int threads);
  // Draws what is left on the calling thread beside the started ones, and
  // returns the populations' results once every draw is done. Once.
  std::vector<MonteCarloResult> FinishDrawing();

 private:
  struct Gathered;
  std::unique_ptr<Gathered> gathered_;
};

// The threads a simulation draws on: MonteCarloOptions::threads, or one
// per core, at most four.
int DrawingThreads(const MonteCarloOptions& options);

// One population: `department_of[p.department]` is the output index of patient p's
// department (0..department_count-1). Patients without a cluster (none
// fitting, or not classified) bring no revenue in any draw.
MonteCarloResult SimulateClusterRevenue(const std::vector<PatientMonth>& patients,
                                        const std::vector<int>& department_of, int department_count,
                                        const TariffTable& tariffs,
                                        const MonteCarloOptions& options);

// A triangular(low, mode, high) draw by inverting its distribution function
// at u in [0, 1); exactly `low` when low == high.
double TriangularQuantile(double low, double mode, double high, double u);

// The standard normal distribution function.
double StandardNormalCdf(double x);

// The p-quantile (0 < p <= 1) of sorted values by nearest rank.
int64_t NearestRankQuantile(const std::vector<int64_t>& sorted, double p);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTE_CARLO_INTERVAL_H_
