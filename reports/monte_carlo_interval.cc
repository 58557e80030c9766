#include "reports/monte_carlo_interval.h"

#include <algorithm>
#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/mean.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <cmath>
#include <numbers>
#include <thread>
#include <tuple>

#include "core/care_cluster.h"

namespace clusterpilot {
namespace {

namespace acc = boost::accumulators;

constexpr int kMaxThreads = 4;

// xoshiro256** seeded through splitmix64: small, fast and well understood.
class RandomStream {
 public:
  explicit RandomStream(uint64_t seed) {
    for (uint64_t& word : state_) word = SplitMix(&seed);
  }
  uint64_t Next() {
    const uint64_t result = Rotate(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotate(state_[3], 45);
    return result;
  }
  // Uniform in [0, 1) with 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Standard normal by Box-Muller (one of the pair, for simplicity: prices
  // need about twenty per draw).
  double Normal() {
    const double radius = std::sqrt(-2.0 * std::log(1.0 - Uniform()));
    return radius * std::cos(2.0 * std::numbers::pi * Uniform());
  }

  static uint64_t SplitMix(uint64_t* x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

 private:
  static uint64_t Rotate(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

// A patient whose cluster each draw samples. Every such patient starts in
// the most likely cluster; a 32-bit random number at or above `stay_below`
// moves the patient to one of the others, found by the cumulative
// thresholds in SimulationInput::others.
struct UncertainPatient {
  uint32_t stay_below = 0;  // P(most likely cluster) scaled to 2^32
  uint32_t top_slot = 0;    // department * kClusterSlots + most likely cluster
  uint32_t department_slot = 0;
  uint32_t first_other = 0;
  uint32_t other_count = 0;
};

struct OtherCluster {
  uint32_t below = 0;  // cumulative probability up to this cluster, scaled to 2^32
  uint32_t cluster = 0;
};

// Patients spread over exactly two clusters, the common case, grouped by
// department and cluster pair: a draw counts a group's movers in a register
// and touches the counts once per group, not once per patient.
struct TwoClusterGroup {
  uint32_t top_slot = 0;
  uint32_t other_slot = 0;
  uint32_t first = 0;  // into SimulationInput::pair_stay_below
  uint32_t count = 0;
};

struct TwoClusterPatient {
  uint32_t top_slot = 0;
  uint32_t other_slot = 0;
  uint32_t stay_below = 0;
};

struct SimulationInput {
  int departments = 0;
  std::vector<int64_t> start_counts;  // department * kClusterSlots + cluster
  std::vector<TwoClusterGroup> pairs;
  std::vector<uint32_t> pair_stay_below;
  std::vector<TwoClusterPatient> pending_pairs;  // grouped into `pairs` by GroupPairs
  std::vector<UncertainPatient> uncertain;       // three clusters or more
  std::vector<OtherCluster> others;
  std::array<ClusterTariff, kClusterSlots> tariffs{};
};

void GroupPairs(SimulationInput* input) {
  std::vector<TwoClusterPatient>& pending = input->pending_pairs;
  std::stable_sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
    return std::tie(a.top_slot, a.other_slot) < std::tie(b.top_slot, b.other_slot);
  });
  for (const TwoClusterPatient& patient : pending) {
    if (input->pairs.empty() || input->pairs.back().top_slot != patient.top_slot ||
        input->pairs.back().other_slot != patient.other_slot) {
      input->pairs.push_back({patient.top_slot, patient.other_slot,
                              static_cast<uint32_t>(input->pair_stay_below.size()), 0});
    }
    ++input->pairs.back().count;
    input->pair_stay_below.push_back(patient.stay_below);
  }
  pending.clear();
}

uint32_t Scaled(double probability) {
  return static_cast<uint32_t>(std::min(probability, 1.0) * 4294967295.0);
}

// Adds `patient` as uncertain when the classifier spread its probability
// over more than one cluster and no clinician decided; else as fixed.
void AddPatient(const PatientMonth& patient, int department, SimulationInput* input) {
  const int cluster = patient.ReportedCluster();
  if (!IsCareCluster(cluster)) return;
  std::vector<ClusterProbability> spread;
  double total = 0;
  for (const ClusterProbability& entry : patient.probabilities) {
    if (IsCareCluster(entry.cluster) && entry.probability > 0) {
      spread.push_back(entry);
      total += entry.probability;
    }
  }
  const uint32_t department_slot = static_cast<uint32_t>(department * kClusterSlots);
  if (patient.ReviewedByClinician() || spread.size() < 2) {
    ++input->start_counts[department_slot + cluster];
    return;
  }
  std::stable_sort(spread.begin(), spread.end(),
                   [](const auto& a, const auto& b) { return a.probability > b.probability; });
  if (spread.size() == 2) {
    input->pending_pairs.push_back({department_slot + static_cast<uint32_t>(spread[0].cluster),
                                    department_slot + static_cast<uint32_t>(spread[1].cluster),
                                    Scaled(spread[0].probability / total)});
    ++input->start_counts[department_slot + spread[0].cluster];
    return;
  }
  UncertainPatient uncertain;
  uncertain.stay_below = Scaled(spread[0].probability / total);
  uncertain.top_slot = department_slot + static_cast<uint32_t>(spread[0].cluster);
  uncertain.department_slot = department_slot;
  uncertain.first_other = static_cast<uint32_t>(input->others.size());
  uncertain.other_count = static_cast<uint32_t>(spread.size() - 1);
  double cumulative = spread[0].probability / total;
  for (size_t i = 1; i < spread.size(); ++i) {
    cumulative += spread[i].probability / total;
    input->others.push_back({Scaled(cumulative), static_cast<uint32_t>(spread[i].cluster)});
  }
  ++input->start_counts[uncertain.top_slot];
  input->uncertain.push_back(uncertain);
}

uint64_t SeedOfDraw(uint64_t seed, int draw) {
  uint64_t mixed = seed ^ (0xD1B54A32D192ED03ull * static_cast<uint64_t>(draw + 1));
  return RandomStream::SplitMix(&mixed);
}

// Moves each uncertain patient out of the most likely cluster with the
// classifier's probabilities. Branch-free, so that a patient costs the same
// whether or not it moves: a mispredicted branch per patient would cost more
// than the sampling itself.
void SampleClusters(const SimulationInput& input, RandomStream* random, int64_t* counts) {
  const uint32_t* const stay_below = input.pair_stay_below.data();
  for (const TwoClusterGroup& group : input.pairs) {
    int64_t moved = 0;
    uint32_t i = group.first;
    const uint32_t end = group.first + group.count;
    for (; i + 1 < end; i += 2) {  // one 64-bit word serves two patients
      const uint64_t word = random->Next();
      moved += static_cast<uint32_t>(word) >= stay_below[i] ? 1 : 0;
      moved += static_cast<uint32_t>(word >> 32) >= stay_below[i + 1] ? 1 : 0;
    }
    if (i < end) moved += static_cast<uint32_t>(random->Next()) >= stay_below[i] ? 1 : 0;
    counts[group.top_slot] -= moved;
    counts[group.other_slot] += moved;
  }
  const OtherCluster* const others = input.others.data();
  uint64_t word = 0;
  for (size_t i = 0; i < input.uncertain.size(); ++i) {
    const UncertainPatient& patient = input.uncertain[i];
    if ((i & 1) == 0) word = random->Next();  // one 64-bit word serves two patients
    const uint32_t bits = static_cast<uint32_t>(word >> ((i & 1) * 32));
    const int64_t moves = bits >= patient.stay_below ? 1 : 0;
    const OtherCluster* other = others + patient.first_other;
    uint32_t cluster = other[0].cluster;
    for (uint32_t j = 1; j < patient.other_count; ++j) {
      cluster = bits >= other[j - 1].below ? other[j].cluster : cluster;
    }
    counts[patient.top_slot] -= moves;
    counts[patient.department_slot + cluster] += moves;
  }
}

// The three ways RunDraws sees a draw (RevenueIntervals).
enum View { kCombined = 0, kPricesOnly = 1, kClassificationOnly = 2, kViewCount = 3 };

// Revenue in cents by view, department and draw.
using DrawnRevenue = std::array<std::vector<std::vector<int64_t>>, kViewCount>;

// Every cluster's price in one draw: a shared level and a deviation of the
// cluster's own, joined so that two clusters' quantiles correlate as asked.
void DrawPrices(const SimulationInput& input, double correlation, RandomStream* random,
                std::array<double, kClusterSlots>* price) {
  const double shared = std::sqrt(correlation) * random->Normal();
  const double own = std::sqrt(1.0 - correlation);
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
    if (!IsCareCluster(cluster)) continue;
    const ClusterTariff& tariff = input.tariffs[cluster];
    const double quantile = StandardNormalCdf(shared + own * random->Normal());
    (*price)[cluster] = TriangularQuantile(static_cast<double>(tariff.low_cents),
                                           static_cast<double>(tariff.expected_cents),
                                           static_cast<double>(tariff.high_cents), quantile);
  }
}

// Σ count × price over one department's clusters, to the cent.
int64_t Revenue(const int64_t* counts, const std::array<double, kClusterSlots>& price) {
  double revenue = 0;
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
    revenue += static_cast<double>(counts[cluster]) * price[cluster];
  }
  return std::llround(revenue);
}

// Runs draws [begin, end); writes revenue per view and department to
// (*drawn)[view][department][draw].
void RunDraws(const SimulationInput& input, const MonteCarloOptions& options, int begin, int end,
              DrawnRevenue* drawn) {
  std::vector<int64_t> counts;
  std::array<double, kClusterSlots> price{};
  std::array<double, kClusterSlots> most_likely{};
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
    most_likely[cluster] = static_cast<double>(input.tariffs[cluster].expected_cents);
  }
  const double correlation = std::clamp(options.price_correlation, 0.0, 1.0);
  for (int draw = begin; draw < end; ++draw) {
    RandomStream random(SeedOfDraw(options.seed, draw));
    DrawPrices(input, correlation, &random, &price);
    counts = input.start_counts;
    SampleClusters(input, &random, counts.data());
    for (int department = 0; department < input.departments; ++department) {
      const size_t slot = static_cast<size_t>(department) * kClusterSlots;
      (*drawn)[kCombined][department][draw] = Revenue(counts.data() + slot, price);
      (*drawn)[kPricesOnly][department][draw] = Revenue(input.start_counts.data() + slot, price);
      (*drawn)[kClassificationOnly][department][draw] = Revenue(counts.data() + slot, most_likely);
    }
  }
}

RevenueInterval Summarize(std::vector<int64_t> draws) {
  acc::accumulator_set<double, acc::stats<acc::tag::mean>> mean;
  for (int64_t value : draws) mean(static_cast<double>(value));
  std::sort(draws.begin(), draws.end());
  RevenueInterval interval;
  interval.mean_cents = draws.empty() ? 0 : acc::mean(mean);
  interval.p5_cents = NearestRankQuantile(draws, 0.05);
  interval.p50_cents = NearestRankQuantile(draws, 0.50);
  interval.p95_cents = NearestRankQuantile(draws, 0.95);
  return interval;
}

RevenueInterval& ViewOf(RevenueIntervals* intervals, int view) {
  if (view == kPricesOnly) return intervals->prices_only;
  if (view == kClassificationOnly) return intervals->classification_only;
  return intervals->combined;
}

int ThreadCount(const MonteCarloOptions& options) {
  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(threads, 1, kMaxThreads);
}

}  // namespace

double StandardNormalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double TriangularQuantile(double low, double mode, double high, double u) {
  if (high <= low) return low;
  const double split = (mode - low) / (high - low);
  if (u < split) return low + std::sqrt(u * (high - low) * (mode - low));
  return high - std::sqrt((1.0 - u) * (high - low) * (high - mode));
}

int64_t NearestRankQuantile(const std::vector<int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double rank = std::ceil(p * static_cast<double>(sorted.size()));
  const size_t index = static_cast<size_t>(std::clamp(rank, 1.0, double(sorted.size()))) - 1;
  return sorted[index];
}

MonteCarloResult SimulateClusterRevenue(const std::vector<PatientMonth>& patients,
                                        const std::vector<int>& department_of, int department_count,
                                        const TariffTable& tariffs,
                                        const MonteCarloOptions& options) {
  SimulationInput input;
  input.departments = department_count;
  input.start_counts.assign(static_cast<size_t>(department_count) * kClusterSlots, 0);
  input.tariffs = tariffs.by_cluster;
  for (const PatientMonth& patient : patients) {
    AddPatient(patient, department_of[patient.department], &input);
  }
  GroupPairs(&input);
  const int draws = std::max(options.draws, 1);
  DrawnRevenue drawn;
  for (auto& view : drawn) view.assign(department_count, std::vector<int64_t>(draws));
  const int thread_count = std::min(ThreadCount(options), draws);
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    const int begin = draws * t / thread_count;
    const int end = draws * (t + 1) / thread_count;
    threads.emplace_back(RunDraws, std::cref(input), std::cref(options), begin, end, &drawn);
  }
  for (std::thread& thread : threads) thread.join();

  MonteCarloResult result;
  result.draws = draws;
  result.departments.resize(department_count);
  for (int view = 0; view < kViewCount; ++view) {
    std::vector<int64_t> institution(draws, 0);
    for (int department = 0; department < department_count; ++department) {
      const std::vector<int64_t>& revenue = drawn[view][department];
      for (int draw = 0; draw < draws; ++draw) institution[draw] += revenue[draw];
      ViewOf(&result.departments[department], view) = Summarize(revenue);
    }
    ViewOf(&result.institution, view) = Summarize(std::move(institution));
  }
  return result;
}

}  // namespace clusterpilot
