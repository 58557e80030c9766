#include "classifier/assignment_explainer.h"

#include <algorithm>

#include "classifier/rating_text.h"

namespace clusterpilot {
namespace {

// Contributions smaller than this are noise, not reasons.
constexpr float kNegligible = 0.05f;

// Keeps the `kExplainedItems` largest contributions, largest first.
void Offer(ItemContribution candidate, std::array<ItemContribution, kExplainedItems>* kept,
           int* count) {
  if (candidate.amount < kNegligible) return;
  int position = *count;
  while (position > 0 && (*kept)[position - 1].amount < candidate.amount) --position;
  if (position >= kExplainedItems) return;
  for (int i = std::min(*count, kExplainedItems - 1); i > position; --i)
    (*kept)[i] = (*kept)[i - 1];
  (*kept)[position] = candidate;
  if (*count < kExplainedItems) ++*count;
}

float Coefficient(const ClusterModel& model, int item, int8_t rating, int cluster_index) {
  return model.CoefficientRow(item, rating)[cluster_index];
}

void AppendContributions(const std::array<ItemContribution, kExplainedItems>& items, int count,
                         std::string* text) {
  for (int i = 0; i < count; ++i) {
    text->append(i == 0 ? "" : ", ");
    AppendItemRating(items[i].item, items[i].rating, text);
  }
}

}  // namespace

void ExplainAssignment(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                       const ClusterScores& scores, AssignmentExplanation* explanation) {
  *explanation = AssignmentExplanation();
  const RankedCluster* best = scores.best();
  if (best == nullptr) return;
  const int winner = best->index;
  explanation->cluster_index = best->index;
  if (const RankedCluster* second = scores.runner_up()) {
    explanation->runner_up_index = second->index;
  }
  uint32_t others = model.SuperclusterMask(chosen) & ~(1u << winner);
  if (others == 0) others = model.SuperclusterMask(Supercluster::kNone) & ~(1u << winner);
  int other_count = 0;
  for (uint32_t mask = others; mask != 0; mask &= mask - 1) ++other_count;
  for (int item = 0; item < kItemCount; ++item) {
    const int8_t rating = ratings[item];
    if (rating == kUnknownRating) continue;
    const float own = Coefficient(model, item, rating, winner);
    float others_total = 0;
    for (int c = 0; c < model.cluster_count(); ++c) {
      if ((others & (1u << c)) != 0) others_total += Coefficient(model, item, rating, c);
    }
    const float average = other_count > 0 ? others_total / static_cast<float>(other_count) : 0;
    Offer({static_cast<int8_t>(item), rating, own - average}, &explanation->supporting,
          &explanation->supporting_count);
    if (explanation->runner_up_index >= 0) {
      const float rival = Coefficient(model, item, rating, explanation->runner_up_index);
      Offer({static_cast<int8_t>(item), rating, own - rival}, &explanation->separating,
            &explanation->separating_count);
    }
  }
}

void DescribeExplanation(const ClusterModel& model, const AssignmentExplanation& explanation,
                         std::string* text) {
  if (explanation.cluster_index < 0) {
    text->append("no cluster assigned");
    return;
  }
  text->append("cluster " + std::to_string(model.cluster(explanation.cluster_index).number));
  if (explanation.supporting_count > 0) {
    text->append(" mainly for ");
    AppendContributions(explanation.supporting, explanation.supporting_count, text);
  } else {
    text->append(": no single item stands out");
  }
  if (explanation.runner_up_index < 0) {
    text->append(". No other cluster was allowed");
    return;
  }
  text->append(". Cluster " + std::to_string(model.cluster(explanation.runner_up_index).number) +
               " (runner-up) ");
  if (explanation.separating_count > 0) {
    text->append("fits worse on ");
    AppendContributions(explanation.separating, explanation.separating_count, text);
  } else {
    text->append("fits as well");
  }
}

}  // namespace clusterpilot
