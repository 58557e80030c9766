#include "reports/monte_carlo_interval.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "core/care_cluster.h"

namespace clusterpilot {
namespace {

TariffTable Tariffs(int64_t low, int64_t expected, int64_t high) {
  TariffTable tariffs;
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
    if (!IsCareCluster(cluster)) continue;
    // Different prices per cluster, with odd cents, so a wrong cluster shows.
    tariffs.by_cluster[cluster] = {low + cluster * 101, expected + cluster * 101,
                                   high + cluster * 101};
  }
  return tariffs;
}

PatientMonth Patient(int department, int cluster, std::vector<ClusterProbability> probabilities,
                     int clinician = 0) {
  PatientMonth patient;
  patient.department = department;
  patient.classified = true;
  patient.algorithm_cluster = cluster;
  patient.probabilities = std::move(probabilities);
  patient.clinician_cluster = clinician;
  return patient;
}

std::vector<PatientMonth> ManyPatients(int count, bool reviewed) {
  std::mt19937 random(3);
  std::vector<PatientMonth> patients;
  for (int i = 0; i < count; ++i) {
    const int cluster = 1 + static_cast<int>(random() % 8);
    const int other = cluster == 8 ? 7 : cluster + 1;
    patients.push_back(
        Patient(i % 3, cluster, {{cluster, 0.7}, {other, 0.3}}, reviewed ? cluster : 0));
  }
  return patients;
}

int64_t ExactSum(const std::vector<PatientMonth>& patients, const TariffTable& tariffs,
                 int department) {
  int64_t sum = 0;
  for (const PatientMonth& p : patients) {
    if (department < 0 || p.department == department) {
      sum += tariffs.by_cluster[p.ReportedCluster()].expected_cents;
    }
  }
  return sum;
}

TEST(MonteCarloIntervalTest, FixedPricesAndReviewedClustersGiveTheExactSumToTheCent) {
  const TariffTable tariffs = Tariffs(123457, 123457, 123457);
  const std::vector<PatientMonth> patients = ManyPatients(2000, /*reviewed=*/true);
  const MonteCarloResult result =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, MonteCarloOptions{1000, 42, 0});
  for (int d = 0; d < 3; ++d) {
    const int64_t exact = ExactSum(patients, tariffs, d);
    EXPECT_EQ(result.departments[d].combined.p5_cents, exact);
    EXPECT_EQ(result.departments[d].combined.p50_cents, exact);
    EXPECT_EQ(result.departments[d].combined.p95_cents, exact);
    EXPECT_DOUBLE_EQ(result.departments[d].combined.mean_cents, static_cast<double>(exact));
  }
  EXPECT_EQ(result.institution.combined.p5_cents, ExactSum(patients, tariffs, -1));
  EXPECT_EQ(result.institution.combined.p95_cents, ExactSum(patients, tariffs, -1));
}

TEST(MonteCarloIntervalTest, SameSeedSameNumbersWhateverTheThreads) {
  const TariffTable tariffs = Tariffs(80000, 100000, 150000);
  const std::vector<PatientMonth> patients = ManyPatients(500, false);
  const MonteCarloResult one =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, {3000, 7, 1});
  const MonteCarloResult four =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, {3000, 7, 4});
  const MonteCarloResult other =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, {3000, 8, 4});
  for (int d = 0; d < 3; ++d) {
    EXPECT_EQ(one.departments[d].combined.p5_cents, four.departments[d].combined.p5_cents);
    EXPECT_EQ(one.departments[d].combined.p50_cents, four.departments[d].combined.p50_cents);
    EXPECT_EQ(one.departments[d].combined.p95_cents, four.departments[d].combined.p95_cents);
    EXPECT_DOUBLE_EQ(one.departments[d].combined.mean_cents,
                     four.departments[d].combined.mean_cents);
  }
  EXPECT_NE(one.institution.combined.p50_cents, other.institution.combined.p50_cents);
}

TEST(MonteCarloIntervalTest, ClassificationUncertaintyAloneWidensTheInterval) {
  const TariffTable fixed_prices = Tariffs(100000, 100000, 100000);
  const std::vector<PatientMonth> unreviewed = ManyPatients(3000, false);
  const MonteCarloResult result =
      SimulateClusterRevenue(unreviewed, {0, 0, 0}, 1, fixed_prices, {4000, 1, 0});
  const RevenueInterval& interval = result.institution.combined;
  EXPECT_LT(interval.p5_cents, interval.p50_cents);
  EXPECT_LT(interval.p50_cents, interval.p95_cents);
  // Each patient moves one cluster up with probability 0.3 (101 cents more),
  // except cluster 8, which moves down: the mean follows the probabilities.
  double expected_mean = 0;
  for (const PatientMonth& p : unreviewed) {
    const int other = p.probabilities[1].cluster;
    expected_mean += 0.7 * fixed_prices.by_cluster[p.algorithm_cluster].expected_cents +
                     0.3 * fixed_prices.by_cluster[other].expected_cents;
  }
  EXPECT_NEAR(interval.mean_cents, expected_mean, 0.001 * expected_mean);
}

TEST(MonteCarloIntervalTest, PatientsSpreadOverSeveralClustersFollowTheirProbabilities) {
  const TariffTable fixed_prices = Tariffs(100000, 100000, 100000);
  std::vector<PatientMonth> patients;
  for (int i = 0; i < 2000; ++i) {
    // Listed out of order on purpose, and not summing to 1 (four decimals).
    patients.push_back(Patient(0, 4, {{5, 0.2999}, {4, 0.5}, {6, 0.1}, {7, 0.1}}));
  }
  const MonteCarloResult result =
      SimulateClusterRevenue(patients, {0}, 1, fixed_prices, {3000, 2, 0});
  const double total = 0.9999;
  double per_patient = 0;
  for (auto [cluster, p] : {std::pair{4, 0.5}, {5, 0.2999}, {6, 0.1}, {7, 0.1}}) {
    per_patient += p / total * static_cast<double>(fixed_prices.by_cluster[cluster].expected_cents);
  }
  EXPECT_NEAR(result.institution.combined.mean_cents, 2000 * per_patient,
              400);  // about 5 standard errors
  EXPECT_LT(result.institution.combined.p5_cents, result.institution.combined.p95_cents);
  EXPECT_GE(result.institution.combined.p5_cents, 2000 * fixed_prices.by_cluster[4].expected_cents);
  EXPECT_LE(result.institution.combined.p95_cents,
            2000 * fixed_prices.by_cluster[7].expected_cents);
}

TEST(MonteCarloIntervalTest, PriceUncertaintyFollowsTheTriangle) {
  const TariffTable tariffs = Tariffs(50000, 100000, 200000);
  std::vector<PatientMonth> one_patient = {Patient(0, 1, {{1, 1.0}})};
  const MonteCarloResult result =
      SimulateClusterRevenue(one_patient, {0}, 1, tariffs, {20000, 5, 0});
  const double low = 50101, mode = 100101, high = 200101;
  EXPECT_NEAR(result.institution.combined.mean_cents, (low + mode + high) / 3, 1500);
  EXPECT_GE(result.institution.combined.p5_cents, 50101);
  EXPECT_LE(result.institution.combined.p95_cents, 200101);
  EXPECT_NEAR(static_cast<double>(result.institution.combined.p50_cents),
              TriangularQuantile(low, mode, high, 0.5), 2000);
}

TEST(MonteCarloIntervalTest, PatientsWithoutAClusterBringNothing) {
  const TariffTable tariffs = Tariffs(1000, 1000, 1000);
  PatientMonth none = Patient(0, 0, {});
  PatientMonth unclassified;
  unclassified.classified = false;
  const MonteCarloResult result =
      SimulateClusterRevenue({none, unclassified}, {0}, 1, tariffs, {200, 1, 0});
  EXPECT_EQ(result.institution.combined.p95_cents, 0);
}

// Σ over patients of their cluster's price at quantile u of its triangle:
// the revenue when every cluster sits at the same quantile.
double RevenueAtQuantile(const std::vector<PatientMonth>& patients, const TariffTable& tariffs,
                         double u) {
  double sum = 0;
  for (const PatientMonth& p : patients) {
    const ClusterTariff& t = tariffs.by_cluster[p.ReportedCluster()];
    sum +=
        TriangularQuantile(static_cast<double>(t.low_cents), static_cast<double>(t.expected_cents),
                           static_cast<double>(t.high_cents), u);
  }
  return sum;
}

// Tariffs that move together fully put every cluster at the same quantile in
// a draw; the total is then monotone in that quantile, so its p5 and p95 are
// the totals with every cluster at its own 5th and 95th percentile. The
// bounds allow the sampling error of a quantile of 10,000 draws (its
// standard error is 0.002; 0.01 is about five of them).
TEST(MonteCarloIntervalTest, FullyCorrelatedPricesPutEveryClusterAtTheSameQuantile) {
  const TariffTable tariffs = Tariffs(50000, 90000, 200000);
  const std::vector<PatientMonth> patients = ManyPatients(600, /*reviewed=*/true);
  MonteCarloOptions options{10000, 11, 0};
  options.price_correlation = 1.0;
  const RevenueInterval interval =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, options).institution.combined;
  const double p5 = static_cast<double>(interval.p5_cents);
  const double p95 = static_cast<double>(interval.p95_cents);
  EXPECT_GE(p5, RevenueAtQuantile(patients, tariffs, 0.04));
  EXPECT_LE(p5, RevenueAtQuantile(patients, tariffs, 0.06));
  EXPECT_GE(p95, RevenueAtQuantile(patients, tariffs, 0.94));
  EXPECT_LE(p95, RevenueAtQuantile(patients, tariffs, 0.96));
  // Near the exact value, too: within 1% of the width of the interval.
  const double exact_p5 = RevenueAtQuantile(patients, tariffs, 0.05);
  const double exact_p95 = RevenueAtQuantile(patients, tariffs, 0.95);
  EXPECT_NEAR(p5, exact_p5, 0.01 * (exact_p95 - exact_p5));
  EXPECT_NEAR(p95, exact_p95, 0.01 * (exact_p95 - exact_p5));
}

// Independent clusters average out: the interval is much narrower than with
// one shared price level, and the default lies between the two.
TEST(MonteCarloIntervalTest, CorrelationWidensThePriceInterval) {
  const TariffTable tariffs = Tariffs(50000, 90000, 200000);
  const std::vector<PatientMonth> patients = ManyPatients(600, /*reviewed=*/true);
  auto width = [&](double correlation) {
    MonteCarloOptions options{4000, 11, 0};
    options.price_correlation = correlation;
    const RevenueInterval interval =
        SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, options).institution.combined;
    return interval.p95_cents - interval.p5_cents;
  };
  const int64_t independent = width(0.0);
  const int64_t by_default = width(kDefaultPriceCorrelation);
  const int64_t together = width(1.0);
  EXPECT_LT(2 * independent, together);
  EXPECT_LT(independent, by_default);
  EXPECT_LT(by_default, together);
}

// With every patient confirmed, only prices vary: the classification-only
// interval has no width and sits at the most likely sum, and the price-only
// interval is the combined one.
TEST(MonteCarloIntervalTest, ConfirmedPatientsLeaveNoClassificationUncertainty) {
  const TariffTable tariffs = Tariffs(50000, 90000, 200000);
  const std::vector<PatientMonth> patients = ManyPatients(300, /*reviewed=*/true);
  const MonteCarloResult result =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, {2000, 9, 0});
  for (int d = 0; d < 3; ++d) {
    const RevenueIntervals& interval = result.departments[d];
    EXPECT_EQ(interval.classification_only.p5_cents, ExactSum(patients, tariffs, d));
    EXPECT_EQ(interval.classification_only.p95_cents, ExactSum(patients, tariffs, d));
    EXPECT_EQ(interval.prices_only.p5_cents, interval.combined.p5_cents);
    EXPECT_EQ(interval.prices_only.p95_cents, interval.combined.p95_cents);
  }
  EXPECT_EQ(result.institution.classification_only.p5_cents, ExactSum(patients, tariffs, -1));
  EXPECT_EQ(result.institution.classification_only.p95_cents, ExactSum(patients, tariffs, -1));
  EXPECT_LT(result.institution.prices_only.p5_cents, result.institution.prices_only.p95_cents);
}

// The other way round: fixed prices leave only the classification, and the
// price-only interval is the reported clusters' exact sum.
TEST(MonteCarloIntervalTest, FixedPricesLeaveOnlyClassificationUncertainty) {
  const TariffTable tariffs = Tariffs(90000, 90000, 90000);
  const std::vector<PatientMonth> patients = ManyPatients(300, /*reviewed=*/false);
  const MonteCarloResult result =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, {2000, 9, 0});
  EXPECT_EQ(result.institution.prices_only.p5_cents, ExactSum(patients, tariffs, -1));
  EXPECT_EQ(result.institution.prices_only.p95_cents, ExactSum(patients, tariffs, -1));
  EXPECT_LT(result.institution.classification_only.p5_cents,
            result.institution.classification_only.p95_cents);
  EXPECT_EQ(result.institution.classification_only.p5_cents, result.institution.combined.p5_cents);
}

// A department of 20,000 uncertain patients is drawn as one normal (its
// Berry-Esseen bound is about 0.005); drawn patient by patient instead
// (normal_bound 0), the interval agrees within the sampling error of
// 10,000 draws, here 2% of its width. With prices drawn too, as in the report.
TEST(MonteCarloIntervalTest, NormalDrawOfALargeDepartmentMatchesThePatientDraws) {
  for (const TariffTable& tariffs : {Tariffs(90000, 90000, 90000), Tariffs(80000, 90000, 120000)}) {
    std::vector<PatientMonth> patients = ManyPatients(20000, /*reviewed=*/false);
    for (PatientMonth& patient : patients) patient.department = 0;
    MonteCarloOptions normal{10000, 17, 0};
    MonteCarloOptions exact = normal;
    exact.normal_bound = 0;
    const RevenueIntervals a =
        SimulateClusterRevenue(patients, {0}, 1, tariffs, normal).institution;
    const RevenueIntervals b = SimulateClusterRevenue(patients, {0}, 1, tariffs, exact).institution;
    for (auto [x, y] : {std::pair{a.combined, b.combined},
                        std::pair{a.classification_only, b.classification_only}}) {
      const double width = static_cast<double>(y.p95_cents - y.p5_cents);
      ASSERT_GT(width, 0);
      EXPECT_NEAR(static_cast<double>(x.p5_cents), static_cast<double>(y.p5_cents), 0.02 * width);
      EXPECT_NEAR(static_cast<double>(x.p95_cents), static_cast<double>(y.p95_cents), 0.02 * width);
      EXPECT_NEAR(x.mean_cents, y.mean_cents, 0.01 * width);
      std::printf("normal - exact, as a share of the p5-p95 width: p5 %+.4f, p95 %+.4f\n",
                  static_cast<double>(x.p5_cents - y.p5_cents) / width,
                  static_cast<double>(x.p95_cents - y.p95_cents) / width);
    }
    EXPECT_EQ(a.prices_only.p5_cents, b.prices_only.p5_cents);  // the same prices
  }
}

// 600 patients between the same two clusters are drawn as groups (at most
// kMoverGroupLimit each) from the exact distribution of how many move:
// with fixed prices, p5 and p95 are the binomial's own quantiles (computed
// here by summing its probabilities), to within one patient.
TEST(MonteCarloIntervalTest, TwoClusterGroupsDrawTheExactNumberOfMovers) {
  const TariffTable tariffs = Tariffs(90000, 90000, 90000);
  const std::vector<PatientMonth> patients(600, Patient(0, 3, {{3, 0.7}, {4, 0.3}}));
  const MonteCarloResult result = SimulateClusterRevenue(patients, {0}, 1, tariffs, {20000, 4, 0});
  const int64_t stay = tariffs.by_cluster[3].expected_cents;
  const int64_t step = tariffs.by_cluster[4].expected_cents - stay;
  // The binomial(600, 0.3) distribution function, by its recurrence.
  std::vector<double> pmf(601);
  pmf[0] = std::pow(0.7, 600);
  for (int k = 1; k <= 600; ++k) pmf[k] = pmf[k - 1] * (601 - k) / k * 0.3 / 0.7;
  auto quantile = [&pmf](double p) {
    double cumulative = 0;
    for (int k = 0; k <= 600; ++k) {
      cumulative += pmf[k];
      if (cumulative >= p) return k;
    }
    return 600;
  };
  const RevenueInterval& drawn = result.institution.classification_only;
  EXPECT_NEAR(static_cast<double>(drawn.p5_cents - 600 * stay) / step, quantile(0.05), 1.0);
  EXPECT_NEAR(static_cast<double>(drawn.p95_cents - 600 * stay) / step, quantile(0.95), 1.0);
  EXPECT_NEAR((drawn.mean_cents - 600.0 * stay) / step, 180.0, 0.5);  // 6 standard errors
}

// Patients spread over three clusters or more are drawn one by one, each
// from an alias table of its own: with fixed prices far apart, each
// department's mean, p5 and p95 are those of a sum of its patients' own
// distributions (normal for 400 patients: the mean to 5 standard errors,
// the quantiles to a tenth of a standard deviation).
TEST(MonteCarloIntervalTest, PatientsOfThreeClustersOrMoreFollowTheirOwnDepartmentsSpread) {
  TariffTable tariffs;
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
    const int64_t price = 10000 + 5000 * cluster;
    if (IsCareCluster(cluster)) tariffs.by_cluster[cluster] = {price, price, price};
  }
  const std::vector<std::vector<ClusterProbability>> spreads = {
      {{2, 0.6}, {3, 0.3}, {8, 0.1}}, {{10, 0.25}, {11, 0.5}, {12, 0.15}, {13, 0.1}}};
  std::vector<PatientMonth> patients;
  for (int i = 0; i < 800; ++i) {
    const int department = i % 2;
    const int most_likely = department == 0 ? 2 : 11;
    patients.push_back(Patient(department, most_likely, spreads[department]));
  }
  const MonteCarloResult result =
      SimulateClusterRevenue(patients, {0, 1}, 2, tariffs, {20000, 5, 2, 0.7, 0});
  for (int department = 0; department < 2; ++department) {
    double mean = 0;
    double square = 0;
    for (const ClusterProbability& entry : spreads[department]) {
      const double price = static_cast<double>(tariffs.by_cluster[entry.cluster].expected_cents);
      mean += entry.probability * price;
      square += entry.probability * price * price;
    }
    const double sum_mean = 400 * mean;
    const double sum_deviation = std::sqrt(400 * (square - mean * mean));
    const RevenueInterval& drawn = result.departments[department].classification_only;
    EXPECT_NEAR(drawn.mean_cents, sum_mean, 5 * sum_deviation / std::sqrt(20000.0)) << department;
    EXPECT_NEAR(static_cast<double>(drawn.p5_cents), sum_mean - 1.6449 * sum_deviation,
                0.1 * sum_deviation)
        << department;
    EXPECT_NEAR(static_cast<double>(drawn.p95_cents), sum_mean + 1.6449 * sum_deviation,
                0.1 * sum_deviation)
        << department;
  }
}

// Four or eight draws side by side (AVX2 or AVX-512, where the processor
// has them) take the same words from the same streams as one draw at a
// time: every figure of every view is the same, to the cent, for any number
// of draws.
TEST(MonteCarloIntervalTest, DrawsSideBySideGiveTheNumbersOfOneAtATime) {
  const TariffTable tariffs = Tariffs(80000, 100000, 150000);
  std::mt19937 random(17);
  std::vector<PatientMonth> patients;
  for (int i = 0; i < 3000; ++i) {
    const int department = i % 4;
    const int top = 1 + static_cast<int>(random() % 8);
    const double stay = 0.4 + 0.5 * static_cast<double>(random() % 100) / 100.0;
    if (department == 3) {  // two clusters: drawn in groups
      patients.push_back(Patient(department, top, {{top, stay}, {top % 8 + 1, 1 - stay}}));
      continue;
    }
    // Three to five clusters: drawn one by one (department 0 large enough
    // for the normal draw with the default bound).
    std::vector<ClusterProbability> spread = {{top, stay}};
    const int others = 2 + static_cast<int>(random() % 3);
    for (int k = 1; k <= others; ++k) {
      spread.push_back({(top + k - 1) % 8 + 1 + (k > 1 ? 10 : 0), (1 - stay) / others});
    }
    patients.push_back(Patient(department == 0 && i < 2000 ? 0 : department, top, spread));
  }
  for (const double normal_bound : {0.0, kDefaultNormalBound}) {
    for (const int draws : {1, 7, 1003}) {
      for (const int side_by_side : {4, 8}) {
        MonteCarloOptions one_by_one{draws, 99, 2};
        one_by_one.normal_bound = normal_bound;
        one_by_one.draws_side_by_side = 1;
        MonteCarloOptions together = one_by_one;
        together.draws_side_by_side = side_by_side;
        const MonteCarloResult a =
            SimulateClusterRevenue(patients, {0, 1, 2, 3}, 4, tariffs, one_by_one);
        const MonteCarloResult b =
            SimulateClusterRevenue(patients, {0, 1, 2, 3}, 4, tariffs, together);
        std::vector<std::pair<const RevenueIntervals*, const RevenueIntervals*>> pairs = {
            {&a.institution, &b.institution}};
        for (int d = 0; d < 4; ++d) pairs.push_back({&a.departments[d], &b.departments[d]});
        for (const auto& [x, y] : pairs) {
          for (const auto member : {&RevenueIntervals::combined, &RevenueIntervals::prices_only,
                                    &RevenueIntervals::classification_only}) {
            const RevenueInterval& p = x->*member;
            const RevenueInterval& q = y->*member;
            EXPECT_EQ(p.mean_cents, q.mean_cents)
                << draws << " " << normal_bound << " " << side_by_side;
            EXPECT_EQ(p.p5_cents, q.p5_cents)
                << draws << " " << normal_bound << " " << side_by_side;
            EXPECT_EQ(p.p50_cents, q.p50_cents)
                << draws << " " << normal_bound << " " << side_by_side;
            EXPECT_EQ(p.p95_cents, q.p95_cents)
                << draws << " " << normal_bound << " " << side_by_side;
          }
        }
        // The spread patients do move: classification alone varies.
        if (draws > 100) {
          EXPECT_LT(b.departments[1].classification_only.p5_cents,
                    b.departments[1].classification_only.p95_cents);
        }
      }
    }
  }
}

// Both populations of the report in one simulation: each gets what it would
// alone, as the same seed draws the same prices.
TEST(MonteCarloIntervalTest, TwoPopulationsShareTheDraws) {
  const TariffTable tariffs = Tariffs(50000, 90000, 200000);
  const std::vector<PatientMonth> rated = ManyPatients(300, /*reviewed=*/true);
  const std::vector<PatientMonth> caseload = ManyPatients(900, /*reviewed=*/true);
  const MonteCarloOptions options{2000, 9, 0};
  const std::vector<MonteCarloResult> both = SimulateClusterRevenues(
      {{&rated, {0, 1, 2}, 3}, {&caseload, {0, 1, 2}, 3}}, tariffs, options);
  ASSERT_EQ(both.size(), 2u);
  const MonteCarloResult alone = SimulateClusterRevenue(caseload, {0, 1, 2}, 3, tariffs, options);
  EXPECT_EQ(both[1].institution.combined.p5_cents, alone.institution.combined.p5_cents);
  EXPECT_EQ(both[1].institution.combined.p95_cents, alone.institution.combined.p95_cents);
  EXPECT_EQ(
      both[0].institution.combined.p5_cents,
      SimulateClusterRevenue(rated, {0, 1, 2}, 3, tariffs, options).institution.combined.p5_cents);
}

// The report starts the draws on the other cores and draws the rest
// itself once its tables are laid out: whoever draws a draw, the numbers
// are those of one thread drawing them all.
TEST(MonteCarloIntervalTest, DrawsSharedByStartedThreadsAndTheFinishingOneGiveTheSameNumbers) {
  const TariffTable tariffs = Tariffs(50000, 90000, 200000);
  const std::vector<PatientMonth> patients = ManyPatients(600, /*reviewed=*/false);
  MonteCarloOptions one_thread{1001, 4, 1};
  const MonteCarloResult alone =
      SimulateClusterRevenue(patients, {0, 1, 2}, 3, tariffs, one_thread);
  for (const int started : {0, 1, 3}) {
    ClusterRevenueSimulation simulation({{&patients, {0, 1, 2}, 3}}, tariffs, one_thread);
    simulation.StartDrawing(started);
    const std::vector<MonteCarloResult> shared = simulation.FinishDrawing();
    ASSERT_EQ(shared.size(), 1u);
    EXPECT_EQ(shared[0].draws, 1001);
    for (int d = 0; d < 3; ++d) {
      const RevenueInterval& want = alone.departments[d].combined;
      const RevenueInterval& got = shared[0].departments[d].combined;
      EXPECT_EQ(got.mean_cents, want.mean_cents) << started;
      EXPECT_EQ(got.p5_cents, want.p5_cents) << started;
      EXPECT_EQ(got.p95_cents, want.p95_cents) << started;
    }
    EXPECT_LT(shared[0].institution.combined.p5_cents, shared[0].institution.combined.p95_cents);
  }
  // A simulation replaced while it draws (as a report that fails drops its
  // draws) stops them first; the one moved in draws as if alone.
  ClusterRevenueSimulation replaced({{&patients, {0, 1, 2}, 3}}, tariffs, one_thread);
  replaced.StartDrawing(2);
  replaced = ClusterRevenueSimulation({{&patients, {0, 1, 2}, 3}}, tariffs, one_thread);
  replaced.StartDrawing(1);
  EXPECT_EQ(replaced.FinishDrawing()[0].institution.combined.p95_cents,
            alone.institution.combined.p95_cents);
}

TEST(MonteCarloIntervalTest, StandardNormalCdf) {
  EXPECT_DOUBLE_EQ(StandardNormalCdf(0), 0.5);
  EXPECT_NEAR(StandardNormalCdf(1.6448536269514722), 0.95, 1e-12);
  EXPECT_NEAR(StandardNormalCdf(-1.6448536269514722), 0.05, 1e-12);
}

TEST(MonteCarloIntervalTest, QuantileHelpers) {
  EXPECT_EQ(TriangularQuantile(5, 5, 5, 0.7), 5);
  EXPECT_DOUBLE_EQ(TriangularQuantile(0, 1, 2, 0.5), 1);
  EXPECT_DOUBLE_EQ(TriangularQuantile(0, 0, 1, 0), 0);
  const std::vector<int64_t> sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(NearestRankQuantile(sorted, 0.05), 1);
  EXPECT_EQ(NearestRankQuantile(sorted, 0.5), 5);
  EXPECT_EQ(NearestRankQuantile(sorted, 0.95), 10);
  EXPECT_EQ(NearestRankQuantile({}, 0.5), 0);
}

}  // namespace
}  // namespace clusterpilot
