#include "classifier/assignment_explainer.h"

#include <algorithm>

namespace clusterpilot {
namespace {

// Contributions smaller than this are noise, not reasons.
constexpr float kNegligible = 0.05f;

// Keeps the `kExplainedItems` largest contributions of at least kNegligible,
// largest first. Most candidates fail the first test, so it stays inline.
inline void Offer(ItemContribution candidate, std::array<ItemContribution, kExplainedItems>* kept,
                  int* count) {
  if (candidate.amount < kNegligible ||
      (*count == kExplainedItems && candidate.amount <= (*kept)[kExplainedItems - 1].amount)) {
    return;
  }
  int position = std::min(*count, kExplainedItems - 1);
  while (position > 0 && (*kept)[position - 1].amount < candidate.amount) {
    (*kept)[position] = (*kept)[position - 1];
    --position;
  }
  (*kept)[position] = candidate;
  if (*count < kExplainedItems) ++*count;
}

// The clusters the winner is compared with: the others the clinician's
// choice allowed, or every other cluster when the choice allowed only it.
Supercluster ComparisonGroup(const ClusterModel& model, Supercluster chosen) {
  return model.ClusterCount(chosen) > 1 ? chosen : Supercluster::kNone;
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
  const Supercluster group = ComparisonGroup(model, chosen);
  const int others = model.ClusterCount(group) - 1;
  for (int item = 0; item < kItemCount; ++item) {
    const int8_t rating = ratings[item];
    if (rating == kUnknownRating) continue;
    const float* row = model.CoefficientRow(item, rating);
    const float others_average =
        others > 0 ? (model.RowSum(item, rating, group) - row[winner]) / static_cast<float>(others)
                   : 0;
    Offer({static_cast<int8_t>(item), rating, row[winner] - others_average},
          &explanation->supporting, &explanation->supporting_count);
    if (second != nullptr) {
      Offer({static_cast<int8_t>(item), rating, row[winner] - row[second->index]},
            &explanation->separating, &explanation->separating_count);
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
