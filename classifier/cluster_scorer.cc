#include "classifier/cluster_scorer.h"

#include <cmath>

namespace clusterpilot {
namespace {

// Sums the constant and each item's coefficient row. The rows are dense and
// the unknown slot is zero, so this is 19 branch-free vector additions.
void SumCoefficients(const ClusterModel& model, const ItemRatings& ratings, float* score) {
  const float* constants = model.Constants();
  for (int c = 0; c < kMaxModelClusters; ++c) score[c] = constants[c];
  for (int item = 0; item < kItemCount; ++item) {
    const float* row = model.CoefficientRow(item, ratings[item]);
    for (int c = 0; c < kMaxModelClusters; ++c) score[c] += row[c];
  }
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

// Higher probability first; equal ones by cluster number.
bool RanksBefore(const RankedCluster& a, const RankedCluster& b) {
  if (a.probability != b.probability) return a.probability > b.probability;
  return a.number < b.number;
}

void RankBySoftmax(const ClusterModel& model, ClusterScores* scores) {
  const int best = BestIndex(scores->score.data(), scores->allowed_mask);
  scores->ranked_count = 0;
  if (best < 0) return;
  const float top = scores->score[best];
  float total = 0;
  for (int c = 0; c < model.cluster_count(); ++c) {
    if ((scores->allowed_mask & (1u << c)) == 0) continue;
    RankedCluster& entry = scores->ranked[scores->ranked_count++];
    entry.index = static_cast<int8_t>(c);
    entry.number = static_cast<int8_t>(model.cluster(c).number);
    entry.score = scores->score[c];
    entry.probability = std::exp(scores->score[c] - top);
    total += entry.probability;
  }
  for (int i = 0; i < scores->ranked_count; ++i) {
    RankedCluster entry = scores->ranked[i];
    entry.probability /= total;
    int j = i;
    for (; j > 0 && RanksBefore(entry, scores->ranked[j - 1]); --j) {
      scores->ranked[j] = scores->ranked[j - 1];
    }
    scores->ranked[j] = entry;
  }
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
