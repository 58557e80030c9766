#include "reports/monte_carlo_interval.h"

#include <algorithm>
#include <atomic>
#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/mean.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <numbers>
#include <thread>
#include <tuple>

#include "core/care_cluster.h"
#include "reports/mover_count_table.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CLUSTERPILOT_DRAWS_SIDE_BY_SIDE 1
#endif

namespace clusterpilot {
namespace {

namespace acc = boost::accumulators;

constexpr int kMaxThreads = 4;

// How many sets of counters the patients drawn one by one are spread over
// (SampleSpread).
constexpr size_t kCountLanes = 4;

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

  // The four state words, for SampleSpreadFourDraws, which advances four
  // streams side by side and hands each its state back.
  uint64_t* words() { return state_; }

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

// A slot of a spread patient's alias table (below) with the clusters it
// stands for, rather than slot numbers: the draw then reads one entry, where
// looking the drawn slot's cluster up in a second array made each patient
// wait for two loads in a row (the simulation's hottest loop: 915 million
// draws at 1M measurements; 7% less processor time in it).
struct SpreadSlot {
  uint32_t keep_below = 0;  // as MoverAlias
  uint16_t own_cluster = 0;
  uint16_t alias_cluster = 0;
};

// The cluster a draw picks: DrawAlias with the slots' clusters.
inline uint32_t DrawSpreadCluster(const SpreadSlot* slots, uint32_t size, uint64_t word) {
  const SpreadSlot entry = slots[AliasSlot(size, word)];
  const uint32_t keep = KeepMask(entry.keep_below, word);
  return (entry.own_cluster & keep) | (entry.alias_cluster & ~keep);
}

// A patient spread over three clusters or more, drawn on its own: one
// 64-bit random word picks the cluster from the patient's alias table
// (reports/mover_count_table.h), in the same time however many clusters the
// patient has. The table's slots [first_slot, first_slot + slot_count) are in
// SimulationInput::spread_tables.
struct UncertainPatient {
  uint32_t first_slot = 0;
  uint32_t slot_count = 0;
  uint32_t top_slot = 0;  // department * kClusterSlots + most likely cluster
  uint32_t department_slot = 0;
};

// Patients spread over exactly two clusters, the common case, grouped by
// department and cluster pair (at most kMoverGroupLimit to a group): a draw
// takes the number of the group's patients that move from the exact
// distribution of that number (reports/mover_count_table.h), with one
// random number per group rather than one per patient.
struct TwoClusterGroup {
  uint32_t top_slot = 0;
  uint32_t other_slot = 0;
  uint32_t first = 0;     // into SimulationInput::mover_tables
  uint32_t outcomes = 0;  // patients + 1
};

struct TwoClusterPatient {
  uint32_t top_slot = 0;
  uint32_t other_slot = 0;
  double move_probability = 0;  // of the other cluster
};

// The uncertain patients of one large department, sampled as one: given the
// prices, their revenue is a sum of many independent patients' prices, which
// a normal distribution of the same mean and variance matches to within the
// Berry-Esseen bound (NormalRevenueBound). `shift` is the expected change of
// the department's counts from every patient starting in their most likely
// cluster; `covariance` that of the counts (Σ diag(p) - p pᵀ over patients),
// so that the revenue's variance at prices q is qᵀ covariance q.
struct NormalGroup {
  uint32_t department = 0;
  std::array<double, kClusterSlots> shift{};
  std::array<std::array<double, kClusterSlots>, kClusterSlots> covariance{};
};

struct SimulationInput {
  int departments = 0;
  std::vector<int64_t> start_counts;  // department * kClusterSlots + cluster
  // start_counts without the patients drawn one by one (`uncertain`): each
  // draw adds them back in the cluster drawn.
  std::vector<int64_t> settled_counts;
  std::vector<TwoClusterGroup> pairs;
  std::vector<MoverAlias> mover_tables;
  std::vector<TwoClusterPatient> pending_pairs;  // grouped into `pairs` by GroupPairs
  std::vector<UncertainPatient> uncertain;       // three clusters or more
  std::vector<SpreadSlot> spread_tables;
  std::vector<NormalGroup> normal_groups;
  std::array<ClusterTariff, kClusterSlots> tariffs{};
};

// Adds the group of the patients [begin, end) of one cluster pair.
void AddPairGroup(std::vector<TwoClusterPatient>::const_iterator begin,
                  std::vector<TwoClusterPatient>::const_iterator end, SimulationInput* input) {
  std::vector<double> move;
  for (auto patient = begin; patient != end; ++patient) move.push_back(patient->move_probability);
  input->pairs.push_back({begin->top_slot, begin->other_slot,
                          static_cast<uint32_t>(input->mover_tables.size()),
                          static_cast<uint32_t>(move.size() + 1)});
  AppendAliasTable(PoissonBinomialPmf(move), &input->mover_tables);
}

void GroupPairs(SimulationInput* input) {
  std::vector<TwoClusterPatient>& pending = input->pending_pairs;
  std::stable_sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
    return std::tie(a.top_slot, a.other_slot) < std::tie(b.top_slot, b.other_slot);
  });
  auto begin = pending.cbegin();
  while (begin != pending.cend()) {
    auto end = begin;
    while (end != pending.cend() && end->top_slot == begin->top_slot &&
           end->other_slot == begin->other_slot &&
           static_cast<size_t>(end - begin) < kMoverGroupLimit) {
      ++end;
    }
    AddPairGroup(begin, end, input);
    begin = end;
  }
  pending.clear();
}

// A patient's clusters with their probabilities (scaled to sum to 1, most
// likely first) when the classifier spread it over several and no clinician
// decided; fewer than two entries otherwise.
std::vector<ClusterProbability> Spread(const PatientMonth& patient) {
  std::vector<ClusterProbability> spread;
  if (patient.ReviewedByClinician()) return spread;
  double total = 0;
  for (const ClusterProbability& entry : patient.probabilities) {
    if (IsCareCluster(entry.cluster) && entry.probability > 0) {
      spread.push_back(entry);
      total += entry.probability;
    }
  }
  if (spread.size() < 2) return spread;
  for (ClusterProbability& entry : spread) entry.probability /= total;
  std::stable_sort(spread.begin(), spread.end(),
                   [](const auto& a, const auto& b) { return a.probability > b.probability; });
  return spread;
}

// Adds one uncertain patient to the exact, per-patient sampling.
void AddExactPatient(const std::vector<ClusterProbability>& spread, int department,
                     SimulationInput* input) {
  const uint32_t department_slot = static_cast<uint32_t>(department * kClusterSlots);
  ++input->start_counts[department_slot + spread[0].cluster];
  if (spread.size() == 2) {
    input->pending_pairs.push_back({department_slot + static_cast<uint32_t>(spread[0].cluster),
                                    department_slot + static_cast<uint32_t>(spread[1].cluster),
                                    spread[1].probability});
    return;
  }
  UncertainPatient uncertain;
  uncertain.first_slot = static_cast<uint32_t>(input->spread_tables.size());
  uncertain.slot_count = static_cast<uint32_t>(spread.size());
  uncertain.top_slot = department_slot + static_cast<uint32_t>(spread[0].cluster);
  uncertain.department_slot = department_slot;
  std::vector<double> pmf;
  pmf.reserve(spread.size());
  for (const ClusterProbability& entry : spread) pmf.push_back(entry.probability);
  std::vector<MoverAlias> slots;
  AppendAliasTable(pmf, &slots);
  for (const MoverAlias& slot : slots) {
    const size_t own = &slot - slots.data();
    input->spread_tables.push_back({slot.keep_below, static_cast<uint16_t>(spread[own].cluster),
                                    static_cast<uint16_t>(spread[slot.alias].cluster)});
  }
  input->uncertain.push_back(uncertain);
}

// Adds a department's uncertain patients as one normal group: each starts
// in its most likely cluster (so that the prices-only view sees them there)
// and the group's draw adds the expected moves and their spread.
void AddNormalGroup(const std::vector<std::vector<ClusterProbability>>& spreads, int department,
                    SimulationInput* input) {
  NormalGroup group;
  group.department = static_cast<uint32_t>(department);
  for (const std::vector<ClusterProbability>& spread : spreads) {
    ++input->start_counts[department * kClusterSlots + spread[0].cluster];
    group.shift[spread[0].cluster] -= 1;
    for (const ClusterProbability& a : spread) {
      group.shift[a.cluster] += a.probability;
      group.covariance[a.cluster][a.cluster] += a.probability;
      for (const ClusterProbability& b : spread) {
        group.covariance[a.cluster][b.cluster] -= a.probability * b.probability;
      }
    }
  }
  input->normal_groups.push_back(group);
}

// The Berry-Esseen bound on how far the distribution function of the
// revenue of `spreads` (at most likely prices) lies from the normal one of
// the same mean and variance: 0.56 Σ E|X - μ|³ / (Σ Var X)^1.5 (Shevtsova's
// constant). Infinite when the revenue does not vary.
double NormalRevenueBound(const std::vector<std::vector<ClusterProbability>>& spreads,
                          const std::array<ClusterTariff, kClusterSlots>& tariffs) {
  double variance = 0;
  double third = 0;
  for (const std::vector<ClusterProbability>& spread : spreads) {
    double mean = 0;
    for (const ClusterProbability& entry : spread) {
      mean += entry.probability * static_cast<double>(tariffs[entry.cluster].expected_cents);
    }
    for (const ClusterProbability& entry : spread) {
      const double away =
          std::abs(static_cast<double>(tariffs[entry.cluster].expected_cents) - mean);
      variance += entry.probability * away * away;
      third += entry.probability * away * away * away;
    }
  }
  if (variance <= 0) return std::numeric_limits<double>::infinity();
  return 0.56 * third / std::pow(variance, 1.5);
}

// Adds every patient with a cluster: certain ones to the start counts,
// uncertain ones to per-patient sampling, or, in a department where the
// normal approximation's bound is within `normal_bound`, to a normal group.
void AddPatients(const std::vector<PatientMonth>& patients, const std::vector<int>& department_of,
                 int first_department, double normal_bound, SimulationInput* input) {
  std::map<int, std::vector<std::vector<ClusterProbability>>> uncertain;
  for (const PatientMonth& patient : patients) {
    const int cluster = patient.ReportedCluster();
    if (!IsCareCluster(cluster)) continue;
    const int department = first_department + department_of[patient.department];
    std::vector<ClusterProbability> spread = Spread(patient);
    if (spread.size() < 2) {
      ++input->start_counts[department * kClusterSlots + cluster];
    } else {
      uncertain[department].push_back(std::move(spread));
    }
  }
  for (const auto& [department, spreads] : uncertain) {
    if (NormalRevenueBound(spreads, input->tariffs) <= normal_bound) {
      AddNormalGroup(spreads, department, input);
      continue;
    }
    for (const std::vector<ClusterProbability>& spread : spreads) {
      AddExactPatient(spread, department, input);
    }
  }
}

uint64_t SeedOfDraw(uint64_t seed, int draw) {
  uint64_t mixed = seed ^ (0xD1B54A32D192ED03ull * static_cast<uint64_t>(draw + 1));
  return RandomStream::SplitMix(&mixed);
}

// The start of a draw's clusters: everyone settled where they are, and the
// two-cluster patients moved by groups (one random word a group).
void SamplePairs(const SimulationInput& input, RandomStream* random, int64_t* counts) {
  std::copy(input.settled_counts.begin(), input.settled_counts.end(), counts);
  const MoverAlias* const tables = input.mover_tables.data();
  for (const TwoClusterGroup& group : input.pairs) {
    const int64_t moved = DrawAlias(tables + group.first, group.outcomes, random->Next());
    counts[group.top_slot] -= moved;
    counts[group.other_slot] += moved;
  }
}

// The patients spread over three clusters or more, one random word each,
// counted into `lanes` (kCountLanes sets of the counts, zeroed here):
// neighbouring patients count into different lanes, as one shared counter
// would make each patient wait for the previous one's increment.
// Branch-free (DrawSpreadCluster): a patient costs the same whether or not
// it moves, as a mispredicted branch per patient would cost more than the
// sampling itself.
void SampleSpread(const SimulationInput& input, RandomStream* random,
                  std::vector<uint32_t>* lanes) {
  const size_t slots = input.settled_counts.size();
  std::fill(lanes->begin(), lanes->end(), 0u);
  uint32_t* const lane = lanes->data();
  const SpreadSlot* const spread_tables = input.spread_tables.data();
  for (size_t i = 0; i < input.uncertain.size(); ++i) {
    const UncertainPatient& patient = input.uncertain[i];
    const uint32_t cluster =
        DrawSpreadCluster(spread_tables + patient.first_slot, patient.slot_count, random->Next());
    ++lane[(i % kCountLanes) * slots + patient.department_slot + cluster];
  }
}

void AddLanes(const std::vector<uint32_t>& lanes, int64_t* counts) {
  const size_t slots = lanes.size() / kCountLanes;
  for (size_t l = 0; l < kCountLanes; ++l) {
    for (size_t s = 0; s < slots; ++s) counts[s] += lanes[l * slots + s];
  }
}

#ifdef CLUSTERPILOT_DRAWS_SIDE_BY_SIDE
// SampleSpread for four or eight draws at once, each with its own stream,
// in the 64-bit lanes of AVX2 or AVX-512 registers: the same words from the
// same streams in the same order, so the same clusters as one call of
// SampleSpread per draw. Four at once took about half the processor time of
// one by one (the spread patients were half the report's processor time at
// 10M measurements).
#define CLUSTERPILOT_AVX2 __attribute__((target("avx2")))
#define CLUSTERPILOT_AVX512 __attribute__((target("avx512f")))

// Draws sampled side by side: their streams' state words, word w of draw k
// at words[w][k], and their lanes of counts, zeroed.
template <int kDraws>
struct SideBySide {
  SideBySide(RandomStream* const random[], std::vector<uint32_t>* const lanes[]) : random(random) {
    for (int k = 0; k < kDraws; ++k) {
      std::fill(lanes[k]->begin(), lanes[k]->end(), 0u);
      lane[k] = lanes[k]->data();
      for (int w = 0; w < 4; ++w) words[w][k] = random[k]->words()[w];
    }
  }
  // Hands each stream its state back.
  void Return() {
    for (int k = 0; k < kDraws; ++k) {
      for (int w = 0; w < 4; ++w) random[k]->words()[w] = words[w][k];
    }
  }
  void Count(size_t at) {
    for (int k = 0; k < kDraws; ++k) ++lane[k][at + cluster[k]];
  }

  RandomStream* const* random;
  uint32_t* lane[kDraws];
  alignas(64) uint64_t words[4][kDraws];
  alignas(64) uint64_t cluster[kDraws];  // each draw's cluster of the patient at hand
};

static_assert(sizeof(SpreadSlot) == 8 && offsetof(SpreadSlot, own_cluster) == 4 &&
              offsetof(SpreadSlot, alias_cluster) == 6);

template <int k>
CLUSTERPILOT_AVX2 inline __m256i RotateLeft(__m256i x) {
  return _mm256_or_si256(_mm256_slli_epi64(x, k), _mm256_srli_epi64(x, 64 - k));
}

// RandomStream::Next of four streams, word w of stream k in lane k of
// state[w]. The multiplies by 5 and 9 are a shift and an add.
CLUSTERPILOT_AVX2 inline __m256i NextFourWords(__m256i* state) {
  const __m256i five = _mm256_add_epi64(_mm256_slli_epi64(state[1], 2), state[1]);
  const __m256i turned = RotateLeft<7>(five);
  const __m256i word = _mm256_add_epi64(_mm256_slli_epi64(turned, 3), turned);
  const __m256i t = _mm256_slli_epi64(state[1], 17);
  state[2] = _mm256_xor_si256(state[2], state[0]);
  state[3] = _mm256_xor_si256(state[3], state[1]);
  state[1] = _mm256_xor_si256(state[1], state[2]);
  state[0] = _mm256_xor_si256(state[0], state[3]);
  state[2] = _mm256_xor_si256(state[2], t);
  state[3] = RotateLeft<45>(state[3]);
  return word;
}

// DrawSpreadCluster of four words: AliasSlot, the slot's entry gathered,
// KeepMask (the words' low halves below keep_below), own or alias cluster.
CLUSTERPILOT_AVX2 inline __m256i DrawFourSpreadClusters(const SpreadSlot* slots, uint32_t size,
                                                        __m256i word) {
  const __m256i low_half = _mm256_set1_epi64x(0xFFFFFFFFll);
  const __m256i slot = _mm256_srli_epi64(
      _mm256_mul_epu32(_mm256_srli_epi64(word, 32), _mm256_set1_epi64x(size)), 32);
  const __m256i entry =
      _mm256_i64gather_epi64(reinterpret_cast<const long long*>(slots), slot, sizeof(SpreadSlot));
  const __m256i keep =
      _mm256_cmpgt_epi64(_mm256_and_si256(entry, low_half), _mm256_and_si256(word, low_half));
  const __m256i own = _mm256_and_si256(_mm256_srli_epi64(entry, 32), _mm256_set1_epi64x(0xFFFF));
  const __m256i alias = _mm256_srli_epi64(entry, 48);
  return _mm256_blendv_epi8(alias, own, keep);
}

CLUSTERPILOT_AVX2 void SampleSpreadFourDraws(const SimulationInput& input,
                                             RandomStream* const random[4],
                                             std::vector<uint32_t>* const lanes[4]) {
  const size_t slots = input.settled_counts.size();
  SideBySide<4> draws(random, lanes);
  __m256i state[4];
  for (int w = 0; w < 4; ++w) {
    state[w] = _mm256_load_si256(reinterpret_cast<const __m256i*>(draws.words[w]));
  }
  const SpreadSlot* const spread_tables = input.spread_tables.data();
  for (size_t i = 0; i < input.uncertain.size(); ++i) {
    const UncertainPatient& patient = input.uncertain[i];
    const __m256i drawn = DrawFourSpreadClusters(spread_tables + patient.first_slot,
                                                 patient.slot_count, NextFourWords(state));
    _mm256_store_si256(reinterpret_cast<__m256i*>(draws.cluster), drawn);
    draws.Count((i % kCountLanes) * slots + patient.department_slot);
  }
  for (int w = 0; w < 4; ++w) {
    _mm256_store_si256(reinterpret_cast<__m256i*>(draws.words[w]), state[w]);
  }
  draws.Return();
}

// GCC 12's AVX-512 headers start some intrinsics from an "undefined"
// register that its flow analysis then calls uninitialized (GCC bug 105593,
// fixed in GCC 13): the warning, not the code, is wrong.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

// NextFourWords of eight streams, with AVX-512's rotations.
CLUSTERPILOT_AVX512 inline __m512i NextEightWords(__m512i* state) {
  const __m512i five = _mm512_add_epi64(_mm512_slli_epi64(state[1], 2), state[1]);
  const __m512i turned = _mm512_rol_epi64(five, 7);
  const __m512i word = _mm512_add_epi64(_mm512_slli_epi64(turned, 3), turned);
  const __m512i t = _mm512_slli_epi64(state[1], 17);
  state[2] = _mm512_xor_si512(state[2], state[0]);
  state[3] = _mm512_xor_si512(state[3], state[1]);
  state[1] = _mm512_xor_si512(state[1], state[2]);
  state[0] = _mm512_xor_si512(state[0], state[3]);
  state[2] = _mm512_xor_si512(state[2], t);
  state[3] = _mm512_rol_epi64(state[3], 45);
  return word;
}

// DrawFourSpreadClusters of eight words.
CLUSTERPILOT_AVX512 inline __m512i DrawEightSpreadClusters(const SpreadSlot* slots, uint32_t size,
                                                           __m512i word) {
  const __m512i low_half = _mm512_set1_epi64(0xFFFFFFFFll);
  const __m512i slot =
      _mm512_srli_epi64(_mm512_mul_epu32(_mm512_srli_epi64(word, 32), _mm512_set1_epi64(size)), 32);
  const __m512i entry = _mm512_i64gather_epi64(slot, slots, sizeof(SpreadSlot));
  const __mmask8 keep =
      _mm512_cmpgt_epi64_mask(_mm512_and_si512(entry, low_half), _mm512_and_si512(word, low_half));
  const __m512i own = _mm512_and_si512(_mm512_srli_epi64(entry, 32), _mm512_set1_epi64(0xFFFF));
  const __m512i alias = _mm512_srli_epi64(entry, 48);
  return _mm512_mask_blend_epi64(keep, alias, own);
}

CLUSTERPILOT_AVX512 void SampleSpreadEightDraws(const SimulationInput& input,
                                                RandomStream* const random[8],
                                                std::vector<uint32_t>* const lanes[8]) {
  const size_t slots = input.settled_counts.size();
  SideBySide<8> draws(random, lanes);
  __m512i state[4];
  for (int w = 0; w < 4; ++w) state[w] = _mm512_load_si512(draws.words[w]);
  const SpreadSlot* const spread_tables = input.spread_tables.data();
  // Each draw's patient counted with one gather and one scatter across the
  // eight draws' counters (never the same counter twice: each draw has its
  // own), where eight increments one by one took more processor time than
  // drawing the clusters.
  alignas(64) uint64_t lane_address[8];
  for (int k = 0; k < 8; ++k) lane_address[k] = reinterpret_cast<uint64_t>(draws.lane[k]);
  const __m512i lanes_at = _mm512_load_si512(lane_address);
  const __m256i one = _mm256_set1_epi32(1);
  for (size_t i = 0; i < input.uncertain.size(); ++i) {
    const UncertainPatient& patient = input.uncertain[i];
    const __m512i drawn = DrawEightSpreadClusters(spread_tables + patient.first_slot,
                                                  patient.slot_count, NextEightWords(state));
    const __m512i counter =
        _mm512_add_epi64(_mm512_set1_epi64(static_cast<int64_t>((i % kCountLanes) * slots +
                                                                patient.department_slot)),
                         drawn);
    const __m512i address = _mm512_add_epi64(lanes_at, _mm512_slli_epi64(counter, 2));
    const __m256i counts = _mm512_i64gather_epi32(address, nullptr, 1);
    _mm512_i64scatter_epi32(nullptr, address, _mm256_add_epi32(counts, one), 1);
  }
  for (int w = 0; w < 4; ++w) _mm512_store_si512(draws.words[w], state[w]);
  draws.Return();
}
#pragma GCC diagnostic pop

// The most draws this processor samples side by side, at most `wanted`.
int DrawsSideBySide(int wanted) {
  static const bool avx512 = __builtin_cpu_supports("avx512f");
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (wanted >= 8 && avx512) return 8;
  if (wanted >= 4 && avx2) return 4;
  return 1;
}
#else
int DrawsSideBySide(int) { return 1; }
#endif

// The three ways a draw is seen (RevenueIntervals).
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

// Σ count × price over one department's clusters, in cents.
double Revenue(const int64_t* counts, const std::array<double, kClusterSlots>& price) {
  double revenue = 0;
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
    revenue += static_cast<double>(counts[cluster]) * price[cluster];
  }
  return revenue;
}

double Dot(const std::array<double, kClusterSlots>& a, const std::array<double, kClusterSlots>& b) {
  double sum = 0;
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) sum += a[cluster] * b[cluster];
  return sum;
}

// The standard deviation of a normal group's revenue at `price`.
double GroupDeviation(const NormalGroup& group, const std::array<double, kClusterSlots>& price) {
  double variance = 0;
  for (int a = 1; a < kClusterSlots; ++a) variance += price[a] * Dot(group.covariance[a], price);
  return std::sqrt(std::max(variance, 0.0));
}

// One draw on its way through a DrawRunner: its stream, prices and counts.
struct DrawInFlight {
  explicit DrawInFlight(size_t slots) : counts(slots), lanes(kCountLanes * slots) {}
  RandomStream random{0};
  std::array<double, kClusterSlots> price{};
  std::vector<int64_t> counts;
  std::vector<uint32_t> lanes;  // SampleSpread's
};

// What every draw of a thread shares: the most likely prices and the
// views' per-department sums of the draw being finished.
class DrawFinisher {
 public:
  DrawFinisher(const SimulationInput& input, DrawnRevenue* drawn)
      : input_(input),
        drawn_(*drawn),
        combined_(input.departments),
        classification_(input.departments) {
    for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
      most_likely_[cluster] = static_cast<double>(input.tariffs[cluster].expected_cents);
    }
    for (const NormalGroup& group : input.normal_groups) {
      most_likely_deviation_.push_back(GroupDeviation(group, most_likely_));
    }
  }

  // The draw's revenue in each view, after its clusters are drawn.
  void Finish(int draw, DrawInFlight* flight) {
    AddLanes(flight->lanes, flight->counts.data());
    const std::array<double, kClusterSlots>& price = flight->price;
    for (int department = 0; department < input_.departments; ++department) {
      const size_t slot = static_cast<size_t>(department) * kClusterSlots;
      combined_[department] = Revenue(flight->counts.data() + slot, price);
      classification_[department] = Revenue(flight->counts.data() + slot, most_likely_);
      drawn_[kPricesOnly][department][draw] =
          std::llround(Revenue(input_.start_counts.data() + slot, price));
    }
    // One normal score per group serves both views, as one set of drawn
    // clusters does in the exact sampling.
    for (size_t g = 0; g < input_.normal_groups.size(); ++g) {
      const NormalGroup& group = input_.normal_groups[g];
      const double z = flight->random.Normal();
      combined_[group.department] += Dot(group.shift, price) + GroupDeviation(group, price) * z;
      classification_[group.department] +=
          Dot(group.shift, most_likely_) + most_likely_deviation_[g] * z;
    }
    for (int department = 0; department < input_.departments; ++department) {
      drawn_[kCombined][department][draw] = std::llround(combined_[department]);
      drawn_[kClassificationOnly][department][draw] = std::llround(classification_[department]);
    }
  }

 private:
  const SimulationInput& input_;
  DrawnRevenue& drawn_;
  std::array<double, kClusterSlots> most_likely_{};
  std::vector<double> most_likely_deviation_;
  std::vector<double> combined_;
  std::vector<double> classification_;
};

// A draw's stream, prices and two-cluster groups; its spread patients next.
void StartDraw(const SimulationInput& input, const MonteCarloOptions& options, int draw,
               DrawInFlight* flight) {
  flight->random = RandomStream(SeedOfDraw(options.seed, draw));
  DrawPrices(input, std::clamp(options.price_correlation, 0.0, 1.0), &flight->random,
             &flight->price);
  SamplePairs(input, &flight->random, flight->counts.data());
}

// The draws of one thread: its finisher and its draws in flight are made
// once and serve every range of draws the thread takes.
class DrawRunner {
 public:
  DrawRunner(const SimulationInput& input, const MonteCarloOptions& options, DrawnRevenue* drawn)
      : input_(input),
        options_(options),
        finisher_(input, drawn),
        flights_(8, DrawInFlight(input.start_counts.size())),
        widest_(DrawsSideBySide(options.draws_side_by_side)) {
    for (int k = 0; k < 8; ++k) {
      random_[k] = &flights_[k].random;
      lanes_[k] = &flights_[k].lanes;
    }
  }

  // Runs draws [begin, end); writes revenue per view and department to
  // (*drawn)[view][department][draw]. Eight or four at a time where the
  // processor can (SampleSpreadEightDraws, SampleSpreadFourDraws), the rest
  // one by one: the same numbers.
  void Run(int begin, int end) {
    int draw = begin;
    for (const int width : {8, 4}) {
      if (width > widest_) continue;
      for (; draw + width <= end; draw += width) {
        for (int k = 0; k < width; ++k) StartDraw(input_, options_, draw + k, &flights_[k]);
#ifdef CLUSTERPILOT_DRAWS_SIDE_BY_SIDE
        if (width == 8) {
          SampleSpreadEightDraws(input_, random_, lanes_);
        } else {
          SampleSpreadFourDraws(input_, random_, lanes_);
        }
#endif
        for (int k = 0; k < width; ++k) finisher_.Finish(draw + k, &flights_[k]);
      }
    }
    for (; draw < end; ++draw) {
      StartDraw(input_, options_, draw, &flights_[0]);
      SampleSpread(input_, &flights_[0].random, &flights_[0].lanes);
      finisher_.Finish(draw, &flights_[0]);
    }
  }

 private:
  const SimulationInput& input_;
  const MonteCarloOptions& options_;
  DrawFinisher finisher_;
  std::vector<DrawInFlight> flights_;
  RandomStream* random_[8];
  std::vector<uint32_t>* lanes_[8];
  int widest_;  // draws side by side
};

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

}  // namespace

int DrawingThreads(const MonteCarloOptions& options) {
  const int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(threads, 1, kMaxThreads);
}

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

// Draws are taken in chunks from one counter by every thread that draws,
// so that the thread that waits for the intervals can draw too.
constexpr int kDrawsPerChunk = 64;  // a multiple of eight: side by side to the end

struct ClusterRevenueSimulation::Gathered {
  SimulationInput input;
  MonteCarloOptions options;
  std::vector<int> first_department;  // per population
  std::vector<int> department_counts;
  int draws = 1;
  DrawnRevenue drawn;
  std::atomic<int> next_chunk{0};
  std::vector<std::thread> workers;

  // However the simulation ends (finished, dropped, or replaced by a move),
  // its workers are stopped before what they read goes.
  ~Gathered() { Stop(); }

  // Runs chunks of draws until none is left.
  void DrawChunks() {
    DrawRunner runner(input, options, &drawn);
    for (;;) {
      const int begin = kDrawsPerChunk * next_chunk.fetch_add(1);
      if (begin >= draws) return;
      runner.Run(begin, std::min(begin + kDrawsPerChunk, draws));
    }
  }

  // Leaves the chunks not yet taken and waits for the workers.
  void Stop() {
    next_chunk = (draws + kDrawsPerChunk - 1) / kDrawsPerChunk;
    for (std::thread& worker : workers) worker.join();
    workers.clear();
  }
};

ClusterRevenueSimulation::ClusterRevenueSimulation(
    const std::vector<RevenuePopulation>& populations, const TariffTable& tariffs,
    const MonteCarloOptions& options)
    : gathered_(std::make_unique<Gathered>()) {
  SimulationInput& input = gathered_->input;
  gathered_->options = options;
  input.tariffs = tariffs.by_cluster;
  for (const RevenuePopulation& population : populations) {
    gathered_->first_department.push_back(input.departments);
    gathered_->department_counts.push_back(population.department_count);
    input.departments += population.department_count;
  }
  input.start_counts.assign(static_cast<size_t>(input.departments) * kClusterSlots, 0);
  for (size_t p = 0; p < populations.size(); ++p) {
    AddPatients(*populations[p].patients, populations[p].department_of,
                gathered_->first_department[p], options.normal_bound, &input);
  }
  GroupPairs(&input);
  input.settled_counts = input.start_counts;
  for (const UncertainPatient& patient : input.uncertain) --input.settled_counts[patient.top_slot];
  gathered_->draws = std::max(options.draws, 1);
  for (auto& view : gathered_->drawn) {
    view.assign(input.departments, std::vector<int64_t>(gathered_->draws));
  }
}

ClusterRevenueSimulation::~ClusterRevenueSimulation() = default;
ClusterRevenueSimulation::ClusterRevenueSimulation(ClusterRevenueSimulation&&) noexcept = default;
ClusterRevenueSimulation& ClusterRevenueSimulation::operator=(ClusterRevenueSimulation&&) noexcept =
    default;

void ClusterRevenueSimulation::StartDrawing(int threads) {
  Gathered* gathered = gathered_.get();
  for (int t = 0; t < threads; ++t) {
    gathered->workers.emplace_back([gathered] { gathered->DrawChunks(); });
  }
}

std::vector<MonteCarloResult> ClusterRevenueSimulation::FinishDrawing() {
  gathered_->DrawChunks();
  gathered_->Stop();
  const int draws = gathered_->draws;
  const DrawnRevenue& drawn = gathered_->drawn;
  const std::vector<int>& counts = gathered_->department_counts;
  std::vector<MonteCarloResult> results(counts.size());
  for (size_t p = 0; p < counts.size(); ++p) {
    results[p].draws = draws;
    results[p].departments.resize(counts[p]);
    for (int view = 0; view < kViewCount; ++view) {
      std::vector<int64_t> institution(draws, 0);
      for (int department = 0; department < counts[p]; ++department) {
        const std::vector<int64_t>& revenue =
            drawn[view][gathered_->first_department[p] + department];
        for (int draw = 0; draw < draws; ++draw) institution[draw] += revenue[draw];
        ViewOf(&results[p].departments[department], view) = Summarize(revenue);
      }
      ViewOf(&results[p].institution, view) = Summarize(std::move(institution));
    }
  }
  return results;
}

std::vector<MonteCarloResult> SimulateClusterRevenues(
    const std::vector<RevenuePopulation>& populations, const TariffTable& tariffs,
    const MonteCarloOptions& options) {
  ClusterRevenueSimulation simulation(populations, tariffs, options);
  simulation.StartDrawing(DrawingThreads(options) - 1);
  return simulation.FinishDrawing();
}

MonteCarloResult SimulateClusterRevenue(const std::vector<PatientMonth>& patients,
                                        const std::vector<int>& department_of, int department_count,
                                        const TariffTable& tariffs,
                                        const MonteCarloOptions& options) {
  return SimulateClusterRevenues({{&patients, department_of, department_count}}, tariffs, options)
      .front();
}

}  // namespace clusterpilot
