#include "classifier/assignment_explainer.h"

#include <algorithm>
#include <bit>

namespace clusterpilot {
namespace {

// Contributions smaller than this are noise, not reasons.
constexpr float kNegligible = 0.05f;

// Keeps the `kExplainedItems` largest contributions, largest first.
void Offer(ItemContribution candidate, std::array<ItemContribution, kExplainedItems>* kept,
           int* count) {
  int position = *count;
  while (position > 0 && (*kept)[position - 1].amount < candidate.amount) --position;
  if (position >= kExplainedItems) return;
  for (int i = std::min(*count, kExplainedItems - 1); i > position; --i)
    (*kept)[i] = (*kept)[i - 1];
  (*kept)[position] = candidate;
  if (*count < kExplainedItems) ++*count;
}

// The weighted sum of a coefficient row: eight running sums the compiler
// can keep in vector registers.
float WeightedSum(const float* row, const std::array<float, kMaxModelClusters>& weight) {
  float partial[8] = {};
  for (int c = 0; c < kMaxModelClusters; c += 8) {
    for (int k = 0; k < 8; ++k) partial[k] += row[c + k] * weight[c + k];
  }
  float sum = 0;
  for (float part : partial) sum += part;
  return sum;
}

// Equal weights for the clusters the winner is compared with: the others the
// clinician's choice allowed, or every other cluster when it allowed one.
std::array<float, kMaxModelClusters> ComparisonWeights(const ClusterModel& model,
                                                       Supercluster chosen, int winner) {
  uint32_t others = model.SuperclusterMask(chosen) & ~(1u << winner);
  if (others == 0) others = model.SuperclusterMask(Supercluster::kNone) & ~(1u << winner);
  std::array<float, kMaxModelClusters> weight{};
  const float share = others == 0 ? 0 : 1.0f / static_cast<float>(std::popcount(others));
  for (uint32_t mask = others; mask != 0; mask &= mask - 1) weight[std::countr_zero(mask)] = share;
  return weight;
}

}  // namespace

void ExplainAssignment(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                       const ClusterScores& scores, AssignmentExplanation* explanation) {
  *explanation = AssignmentExplanation();
  const RankedCluster* best = scores.best();
  if (best == nullptr) return;
  const int winner = best->index;
  explanation->cluster_index = best->index;
  const RankedCluster* second = scores.runner_up();
  if (second != nullptr) explanation->runner_up_index = second->index;
  const std::array<float, kMaxModelClusters> weight = ComparisonWeights(model, chosen, winner);
  for (int item = 0; item < kItemCount; ++item) {
    const int8_t rating = ratings[item];
    if (rating == kUnknownRating) continue;
    const float* row = model.CoefficientRow(item, rating);
    const float support = row[winner] - WeightedSum(row, weight);
    if (support >= kNegligible) {
      Offer({static_cast<int8_t>(item), rating, support}, &explanation->supporting,
            &explanation->supporting_count);
    }
    const float separation = second != nullptr ? row[winner] - row[second->index] : 0;
    if (separation >= kNegligible) {
      Offer({static_cast<int8_t>(item), rating, separation}, &explanation->separating,
            &explanation->separating_count);
    }
  }
}

void ToExplanationCode(const ClusterModel& model, const AssignmentExplanation& explanation,
                       AssignmentExplanationCode* code) {
  code->cluster = 0;
  code->runner_up = 0;
  code->supporting.clear();
  code->separating.clear();
  if (explanation.cluster_index < 0) return;
  code->cluster = model.cluster(explanation.cluster_index).number;
  for (int i = 0; i < explanation.supporting_count; ++i) {
    code->supporting.push_back({explanation.supporting[i].item, explanation.supporting[i].rating});
  }
  if (explanation.runner_up_index < 0) return;
  code->runner_up = model.cluster(explanation.runner_up_index).number;
  for (int i = 0; i < explanation.separating_count; ++i) {
    code->separating.push_back({explanation.separating[i].item, explanation.separating[i].rating});
  }
}

void DescribeExplanation(const ClusterModel& model, const AssignmentExplanation& explanation,
                         std::string* text) {
  AssignmentExplanationCode code;
  ToExplanationCode(model, explanation, &code);
  text->append(DescribeExplanationCode(code));
}

}  // namespace clusterpilot
