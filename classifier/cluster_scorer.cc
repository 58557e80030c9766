#include "classifier/cluster_scorer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>

// The dense loops below are compiled twice, for AVX2 and for plain x86-64,
// and the loader picks one when the program starts (an ifunc): the binary
// still runs on any x86-64, and a machine with AVX2 adds a row of 24
// coefficients in three instructions instead of six.
#if defined(__x86_64__) && defined(__GNUC__) && defined(__ELF__)
#define CLUSTERPILOT_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define CLUSTERPILOT_VECTOR_CLONES
#endif

namespace clusterpilot {
namespace {

using ScoreRow = std::array<float, kMaxModelClusters>;

// exp() of a score this far below the best is below 1e-17 of the best's:
// zero for every purpose.
constexpr float kNegligibleScoreGap = -40;

constexpr float kMinusInfinity = -std::numeric_limits<float>::infinity();

// Reductions (a maximum, a sum) over a row run in kLanes independent lanes
// that are combined at the end: without that the compiler keeps the one
// order of additions the language prescribes and adds one value at a time.
constexpr int kLanes = 8;
static_assert(kMaxModelClusters % kLanes == 0);
// Where the third block of eight lanes of a row starts.
constexpr std::ptrdiff_t kThirdBlock = std::ptrdiff_t{2} * kLanes;

// Eight floats as one value: the compiler keeps it in a register (one AVX2
// register, or two SSE ones in the plain clone), where a float array
// accumulator is kept in memory and every addition waits on a store.
typedef float Lanes __attribute__((vector_size(kLanes * sizeof(float))));
typedef int32_t IntLanes __attribute__((vector_size(kLanes * sizeof(int32_t))));

// By pointer, never by value: passing a vector by value would depend on
// which clone calls.
inline void LoadLanes(const float* from, Lanes* lanes) { std::memcpy(lanes, from, sizeof *lanes); }

inline void AddLanes(const float* from, Lanes* sum) {
  Lanes lanes;
  LoadLanes(from, &lanes);
  *sum += lanes;
}

// a where `mask` is set (all bits of a lane), b elsewhere.
inline void Select(const IntLanes& mask, const Lanes& a, const Lanes& b, Lanes* result) {
  *result = reinterpret_cast<Lanes>((reinterpret_cast<IntLanes>(a) & mask) |
                                    (reinterpret_cast<IntLanes>(b) & ~mask));
}

// exp(x) for kNegligibleScoreGap <= x <= 0 in each lane, as plain
// arithmetic (std::exp is a library call per value): x = n ln2 + r with
// |r| <= ln2/2, a degree-6 polynomial for exp(r), and n added to the
// exponent bits. Relative error below 2e-7, as close as float gets.
inline void ExpOfGaps(const Lanes& x, Lanes* result) {
  constexpr float kLog2e = 1.44269504088896341f;
  constexpr float kLn2High = 0.693359375f;  // ln 2 split in two for exact reduction
  constexpr float kLn2Low = -2.12194440e-4f;
  constexpr float kRoundingShift = 12582912.0f;  // 1.5 * 2^23: adding it rounds to an integer
  const Lanes n = (x * kLog2e + kRoundingShift) - kRoundingShift;
  const Lanes r = (x - n * kLn2High) - n * kLn2Low;
  Lanes p = r * 1.3981999507e-3f + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  const IntLanes scale = (__builtin_convertvector(n, IntLanes) + 127) << 23;
  *result = p * reinterpret_cast<Lanes>(scale);
}

// All bits of lane l set where bit `first + l` of `mask` is: a cluster
// mask spread over one block of lanes, as vector comparisons want it.
inline void LaneMask(uint32_t mask, int first, IntLanes* lanes) {
  const IntLanes bits = {1, 2, 4, 8, 16, 32, 64, 128};
  *lanes = ((IntLanes{} + static_cast<int32_t>(mask >> first)) & bits) != 0;
}

// `score` where `mask` has the cluster's bit, minus infinity elsewhere, one
// block of lanes at a time: a select per block instead of a branch per
// cluster.
inline void Masked(const float* score, uint32_t mask, float* masked) {
  for (int block = 0; block < kMaxModelClusters; block += kLanes) {
    IntLanes in_mask;
    LaneMask(mask, block, &in_mask);
    Lanes value;
    LoadLanes(score + block, &value);
    Select(in_mask, value, Lanes{} + kMinusInfinity, &value);
    std::memcpy(masked + block, &value, sizeof value);
  }
}

// The lane-wise maximum of the row's blocks, then of the lanes: two
// vector steps and a short fold, where a running maximum would wait on
// every comparison before it.
inline float RowMaximum(const float* row) {
  Lanes top;
  LoadLanes(row, &top);
  for (int block = kLanes; block < kMaxModelClusters; block += kLanes) {
    Lanes next;
    LoadLanes(row + block, &next);
    Select(next > top, next, top, &top);
  }
  float best = top[0];
  for (int l = 1; l < kLanes; ++l) best = std::max(best, top[l]);
  return best;
}

// Sums the constant and each item's coefficient row: the rows are dense and
// the unknown slot is zero, so this is branch-free vector additions. Even
// and odd items go to separate accumulators so two chains of additions run
// side by side.
CLUSTERPILOT_VECTOR_CLONES
void SumCoefficients(const ClusterModel& model, const ItemRatings& ratings, float* score) {
  static_assert(kMaxModelClusters == 3 * kLanes);
  // Six named accumulators, not arrays: an array is kept in memory.
  Lanes even0, even1, even2;
  Lanes odd0 = {}, odd1 = {}, odd2 = {};
  const float* constants = model.Constants();
  LoadLanes(constants, &even0);
  LoadLanes(constants + kLanes, &even1);
  LoadLanes(constants + kThirdBlock, &even2);
  int item = 0;
  for (; item + 1 < kItemCount; item += 2) {
    const float* even = model.CoefficientRow(item, ratings[item]);
    const float* odd = model.CoefficientRow(item + 1, ratings[item + 1]);
    AddLanes(even, &even0);
    AddLanes(even + kLanes, &even1);
    AddLanes(even + kThirdBlock, &even2);
    AddLanes(odd, &odd0);
    AddLanes(odd + kLanes, &odd1);
    AddLanes(odd + kThirdBlock, &odd2);
  }
  for (; item < kItemCount; ++item) {
    const float* row = model.CoefficientRow(item, ratings[item]);
    AddLanes(row, &even0);
    AddLanes(row + kLanes, &even1);
    AddLanes(row + kThirdBlock, &even2);
  }
  even0 += odd0;
  even1 += odd1;
  even2 += odd2;
  std::memcpy(score, &even0, sizeof even0);
  std::memcpy(score + kLanes, &even1, sizeof even1);
  std::memcpy(score + kThirdBlock, &even2, sizeof even2);
}

// The softmax weight exp((score - top) / temperature) of every cluster, 0
// outside `allowed` (which must not be empty), into *weight; returns their
// sum. Branch-free over the whole row, so it vectorises like the sum.
CLUSTERPILOT_VECTOR_CLONES
float SoftmaxWeights(const float* score, uint32_t allowed, float inverse_temperature,
                     float* weight) {
  ScoreRow masked;
  Masked(score, allowed, masked.data());
  const float top = RowMaximum(masked.data());
  Lanes sum = {};
  for (int block = 0; block < kMaxModelClusters; block += kLanes) {
    Lanes gap;
    LoadLanes(masked.data() + block, &gap);
    // Clamped to [kNegligibleScoreGap, 0], so the clusters outside `allowed`
    // (minus infinity) stay finite until they are dropped.
    gap = (gap - top) * inverse_temperature;
    const IntLanes negligible = gap <= kNegligibleScoreGap;
    Select(negligible, Lanes{} + kNegligibleScoreGap, gap, &gap);
    Select(gap > 0.0f, Lanes{}, gap, &gap);
    Lanes value;
    ExpOfGaps(gap, &value);
    Select(negligible, Lanes{}, value, &value);
    sum += value;
    std::memcpy(weight + block, &value, sizeof value);
  }
  float total = 0;
  for (int l = 0; l < kLanes; ++l) total += sum[l];
  return total;
}

uint32_t RedRuleExclusions(const ClusterModel& model, const ItemRatings& ratings) {
  uint32_t excluded = 0;
  for (int item = 0; item < kItemCount; ++item)
    excluded |= model.ExclusionMask(item, ratings[item]);
  for (const ClusterModel::PairRule& rule : model.pair_rules()) {
    if (rule.first.IsMetBy(ratings) && rule.second.IsMetBy(ratings)) excluded |= rule.excluded_mask;
  }
  return excluded;
}

// The index of the highest score in `mask` (the lowest index among equal
// ones), -1 for an empty mask. A running "best so far" would chain every
// comparison on the load before it; a vector maximum, then the first index
// that reaches it, does not.
CLUSTERPILOT_VECTOR_CLONES
int BestIndex(const float* score, uint32_t mask) {
  if (mask == 0) return -1;
  ScoreRow masked;
  Masked(score, mask, masked.data());
  const float top = RowMaximum(masked.data());
  uint32_t at_top = 0;
  for (int c = 0; c < kMaxModelClusters; ++c) {
    at_top |= (masked[c] == top ? 1u : 0u) << c;
  }
  return std::countr_zero(at_top);
}

// Ranks the allowed clusters by counting, for each, the allowed clusters
// that rank before it: higher score first, equal scores by cluster number.
// An insertion sort would branch on every comparison, and those branches
// follow the patient's ratings, so the processor guesses them badly; the
// counts are branch-free vector comparisons.
CLUSTERPILOT_VECTOR_CLONES
void RankAllowed(const ClusterModel& model, const float* weight, float total,
                 ClusterScores* scores) {
  const float* score = scores->score.data();
  const uint32_t allowed = scores->allowed_mask;
  for (uint32_t mask = allowed; mask != 0; mask &= mask - 1) {
    const int c = std::countr_zero(mask);
    uint32_t above = 0;
    uint32_t equal = 0;
    for (int other = 0; other < kMaxModelClusters; ++other) {
      above |= (score[other] > score[c] ? 1u : 0u) << other;
      equal |= (score[other] == score[c] ? 1u : 0u) << other;
    }
    int rank = std::popcount(above & allowed);
    const int number = model.cluster(c).number;
    for (equal &= allowed & ~(1u << c); equal != 0; equal &= equal - 1) {
      rank += model.cluster(std::countr_zero(equal)).number < number ? 1 : 0;  // rare
    }
    RankedCluster& entry = scores->ranked[rank];
    entry.index = static_cast<int8_t>(c);
    entry.number = static_cast<int8_t>(number);
    entry.score = score[c];
    entry.probability = weight[c] / total;
  }
  scores->ranked_count = std::popcount(allowed);
}

void RankBySoftmax(const ClusterModel& model, ClusterScores* scores) {
  scores->ranked_count = 0;
  if (scores->allowed_mask == 0) return;
  ScoreRow weight;
  const float total = SoftmaxWeights(scores->score.data(), scores->allowed_mask,
                                     model.inverse_temperature(), weight.data());
  RankAllowed(model, weight.data(), total, scores);
}

}  // namespace

void ScoreClusters(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                   ClusterScores* scores) {
  SumCoefficients(model, ratings, scores->score.data());
  scores->excluded_mask = RedRuleExclusions(model, ratings);
  const uint32_t all = model.SuperclusterMask(Supercluster::kNone);
  scores->allowed_mask = model.SuperclusterMask(chosen) & ~scores->excluded_mask;
  scores->best_overall_index =
      static_cast<int8_t>(BestIndex(scores->score.data(), all & ~scores->excluded_mask));
  RankBySoftmax(model, scores);
}

}  // namespace clusterpilot
