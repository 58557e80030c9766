#include "classifier/cluster_scorer.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace clusterpilot {
namespace {

// Sums the constant and each item's coefficient row. The rows are dense and
// the unknown slot is zero, so this is 19 branch-free vector additions; the
// local accumulator keeps the compiler from fearing that `score` aliases the
// model's tables, which would stop it vectorising.
void SumCoefficients(const ClusterModel& model, const ItemRatings& ratings, float* score) {
  std::array<float, kMaxModelClusters> sum;
  const float* constants = model.Constants();
  for (int c = 0; c < kMaxModelClusters; ++c) sum[c] = constants[c];
  for (int item = 0; item < kItemCount; ++item) {
    const float* row = model.CoefficientRow(item, ratings[item]);
    for (int c = 0; c < kMaxModelClusters; ++c) sum[c] += row[c];
  }
  std::copy(sum.begin(), sum.end(), score);
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

int BestIndex(const float* score, uint32_t mask) {
  int best = -1;
  for (int c = 0; mask != 0; ++c, mask >>= 1) {
    if ((mask & 1u) != 0 && (best < 0 || score[c] > score[best])) best = c;
  }
  return best;
}

// Higher score (so higher probability) first; equal ones by cluster number.
bool RanksBefore(const RankedCluster& a, const RankedCluster& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.number < b.number;
}

// exp() of a score this far below the best is below 1e-17 of the best's:
// zero for every purpose, and skipping it saves most of the exp() calls.
constexpr float kNegligibleScoreGap = -40;

void RankBySoftmax(const ClusterModel& model, ClusterScores* scores) {
  int count = 0;
  for (uint32_t mask = scores->allowed_mask; mask != 0; mask &= mask - 1) {
    const int c = std::countr_zero(mask);
    RankedCluster entry;
    entry.index = static_cast<int8_t>(c);
    entry.number = static_cast<int8_t>(model.cluster(c).number);
    entry.score = scores->score[c];
    int j = count++;
    for (; j > 0 && RanksBefore(entry, scores->ranked[j - 1]); --j) {
      scores->ranked[j] = scores->ranked[j - 1];
    }
    scores->ranked[j] = entry;
  }
  scores->ranked_count = count;
  if (count == 0) return;
  const float top = scores->ranked[0].score;
  float total = 0;
  for (int i = 0; i < count; ++i) {
    const float gap = scores->ranked[i].score - top;
    scores->ranked[i].probability = gap < kNegligibleScoreGap ? 0.0f : std::exp(gap);
    total += scores->ranked[i].probability;
  }
  for (int i = 0; i < count; ++i) scores->ranked[i].probability /= total;
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
