#include "classifier/assignment_explainer.h"

#include <algorithm>

namespace clusterpilot {
namespace {

// Contributions smaller than this are noise, not reasons.
constexpr float kNegligible = 0.05f;
// Added to the ranking key of the winner's defining items so they lead
// whenever they count for it at all; the amount itself stays the real one.
constexpr float kDefiningLead = 1000.0f;

struct Candidate {
  ItemContribution contribution;
  float key = 0;  // what the ranking sorts by
};

// Keeps the `kExplainedItems` largest keys among candidates of at least
// kNegligible, largest first. Most candidates fail the first test, so it
// stays inline.
inline void Offer(Candidate candidate, std::array<ItemContribution, kExplainedItems>* kept,
                  std::array<float, kExplainedItems>* keys, int* count) {
  if (candidate.contribution.amount < kNegligible ||
      (*count == kExplainedItems && candidate.key <= (*keys)[kExplainedItems - 1])) {
    return;
  }
  int position = std::min(*count, kExplainedItems - 1);
  while (position > 0 && (*keys)[position - 1] < candidate.key) {
    (*kept)[position] = (*kept)[position - 1];
    (*keys)[position] = (*keys)[position - 1];
    --position;
  }
  (*kept)[position] = candidate.contribution;
  (*keys)[position] = candidate.key;
  if (*count < kExplainedItems) ++*count;
}

// The clusters besides the winner that its supercluster holds, or every
// other cluster when the winner is alone in it.
Supercluster ComparisonGroup(const ClusterModel& model, int winner) {
  const Supercluster own = model.cluster(winner).supercluster;
  return model.ClusterCount(own) > 1 ? own : Supercluster::kNone;
}

void FindReasons(const ClusterModel& model, const ItemRatings& ratings, int winner, int second,
                 AssignmentExplanation* explanation) {
  const Supercluster group = ComparisonGroup(model, winner);
  const float per_other = 1.0f / static_cast<float>(std::max(1, model.ClusterCount(group) - 1));
  const uint32_t defining = model.DefiningItems(winner);
  const uint32_t absence = model.AbsenceItems(winner);
  std::array<float, kExplainedItems> supporting_keys{};
  std::array<float, kExplainedItems> separating_keys{};
  for (int item = 0; item < kItemCount; ++item) {
    const int8_t rating = ratings[item];
    const uint32_t bit = 1u << item;
    if (rating == kUnknownRating || (rating == 0 && (absence & bit) == 0)) continue;
    const float* row = model.CoefficientRow(item, rating);
    const float against_group =
        row[winner] - (model.RowSum(item, rating, group) - row[winner]) * per_other;
    const float against_second = second >= 0 ? row[winner] - row[second] : against_group;
    const float amount = (against_group + against_second) / 2;
    const float lead = (defining & bit) != 0 ? kDefiningLead : 0.0f;
    const auto item8 = static_cast<int8_t>(item);
    Offer({{item8, rating, amount}, amount + lead}, &explanation->supporting, &supporting_keys,
          &explanation->supporting_count);
    if (second >= 0) {
      Offer({{item8, rating, against_second}, against_second}, &explanation->separating,
            &separating_keys, &explanation->separating_count);
    }
  }
}

struct Step {
  int8_t item = 0;
  int8_t to = 0;
  float gain = 0;  // how much the step narrows winner's score minus the second's
};

// A step that excludes the winner by a red rule wins outright; one that
// excludes the second is useless.
constexpr float kExcludesWinner = 1e6f;

// The best single step on each known item that narrows the gap, by gain.
int CandidateSteps(const ClusterModel& model, const ItemRatings& ratings, int winner, int second,
                   std::array<Step, kItemCount>* steps) {
  int count = 0;
  for (int item = 0; item < kItemCount; ++item) {
    const int8_t from = ratings[item];
    if (from == kUnknownRating) continue;
    const float* now = model.CoefficientRow(item, from);
    Step best{static_cast<int8_t>(item), 0, 0};
    for (const int direction : {-1, 1}) {
      const int to = from + direction;
      if (to < 0 || to > kMaxRating) continue;
      const auto to8 = static_cast<int8_t>(to);
      const uint32_t excluded = model.ExclusionMask(item, to8);
      if ((excluded & (1u << second)) != 0) continue;
      const float* then = model.CoefficientRow(item, to8);
      float gain = (now[winner] - now[second]) - (then[winner] - then[second]);
      if ((excluded & (1u << winner)) != 0) gain = kExcludesWinner;
      if (gain > best.gain) best = {static_cast<int8_t>(item), to8, gain};
    }
    if (best.gain > 0) (*steps)[count++] = best;
  }
  std::sort(steps->begin(), steps->begin() + count, [](const Step& a, const Step& b) {
    return a.gain != b.gain ? a.gain > b.gain : a.item < b.item;
  });
  return count;
}

void FindCounterfactual(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                        const ClusterScores& scores, AssignmentExplanation* explanation) {
  const int winner = scores.best()->index;
  const int second = scores.runner_up()->index;
  std::array<Step, kItemCount> steps;
  const int count =
      std::min(CandidateSteps(model, ratings, winner, second, &steps), kMaxChangedItems);
  const float gap = scores.best()->score - scores.runner_up()->score;
  ItemRatings changed = ratings;
  ClusterScores rescored;
  float closed = 0;
  for (int k = 0; k < count; ++k) {
    changed[steps[k].item] = steps[k].to;
    closed += steps[k].gain;
    // Ties and rounding are for the rescoring to settle, not this sum.
    if (closed < gap * 0.999f) continue;
    ScoreClusters(model, changed, chosen, &rescored);
    if (rescored.best() == nullptr || rescored.best()->index != second) continue;
    for (int i = 0; i <= k; ++i) {
      explanation->changes[i] = {steps[i].item, ratings[steps[i].item], steps[i].to};
    }
    explanation->change_count = k + 1;
    return;
  }
}

}  // namespace

void ExplainAssignment(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                       const ClusterScores& scores, AssignmentExplanation* explanation) {
  *explanation = AssignmentExplanation();
  const RankedCluster* best = scores.best();
  if (best == nullptr) return;
  explanation->cluster_index = best->index;
  const RankedCluster* second = scores.runner_up();
  if (second != nullptr) explanation->runner_up_index = second->index;
  FindReasons(model, ratings, best->index, explanation->runner_up_index, explanation);
  if (second != nullptr) FindCounterfactual(model, ratings, chosen, scores, explanation);
}

void ToExplanationCode(const ClusterModel& model, const AssignmentExplanation& explanation,
                       AssignmentExplanationCode* code) {
  code->cluster = 0;
  code->runner_up = 0;
  code->supporting.clear();
  code->separating.clear();
  code->changes.clear();
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
  for (int i = 0; i < explanation.change_count; ++i) {
    const RatingChange& change = explanation.changes[i];
    code->changes.push_back({change.item, change.from, change.to});
  }
}

void DescribeExplanation(const ClusterModel& model, const AssignmentExplanation& explanation,
                         ExplanationLanguage language, std::string* text) {
  AssignmentExplanationCode code;
  ToExplanationCode(model, explanation, &code);
  text->append(DescribeExplanationCode(code, language));
}

}  // namespace clusterpilot
