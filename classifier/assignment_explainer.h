// Why a measurement landed in its cluster, and what would change it.
//
// Reasons: an item counts for the winner by how much its coefficient for the
// winner exceeds, half and half, the runner-up's and the average of the
// other clusters of the winner's supercluster: the alternatives a clinician
// weighs. Items that define the winner (ClusterModel::DefiningItems) lead;
// a rating of 0 is named only where the winner is defined by its absence
// (ClusterModel::AbsenceItems), since "HV11 0" says nothing about cluster 6.
// Where the runner-up fits worse is ranked by the winner's coefficient minus
// the runner-up's, with the same rule for 0.
//
// What would change it: the fewest items, each moved one step, after which
// the runner-up ranks first. Steps are taken greedily by how much each
// closes the gap between the two scores (a step that trips a red rule
// against the winner closes it at once), and every candidate is verified by
// scoring the changed ratings again, so a stated change is always true.
#ifndef CLUSTERPILOT_CLASSIFIER_ASSIGNMENT_EXPLAINER_H_
#define CLUSTERPILOT_CLASSIFIER_ASSIGNMENT_EXPLAINER_H_

#include <array>
#include <cstdint>
#include <string>

#include "classifier/cluster_model.h"
#include "classifier/cluster_scorer.h"
#include "core/assignment_explanation.h"

namespace clusterpilot {

inline constexpr int kExplainedItems = 3;
// A counterfactual needing more items than this is no longer "what would
// change it" but a different patient; none is given then.
inline constexpr int kMaxChangedItems = 4;

struct ItemContribution {
  int8_t item = 0;
  int8_t rating = 0;
  float amount = 0;  // score points in favour of the winner
};

struct RatingChange {
  int8_t item = 0;
  int8_t from = 0;
  int8_t to = 0;  // one step from `from`
};

struct AssignmentExplanation {
  int8_t cluster_index = -1;    // the winner; -1 when nothing was assigned
  int8_t runner_up_index = -1;  // -1 when the winner was the only cluster allowed
  int supporting_count = 0;     // defining items first, then strongest first
  std::array<ItemContribution, kExplainedItems> supporting{};
  int separating_count = 0;  // strongest first
  std::array<ItemContribution, kExplainedItems> separating{};
  int change_count = 0;  // 0: no runner-up, or none within kMaxChangedItems
  std::array<RatingChange, kMaxChangedItems> changes{};
};

// Fills *explanation for `ratings` scored as `scores` with the clinician's
// `chosen` supercluster, counterfactual included. Allocation-free.
void ExplainAssignment(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                       const ClusterScores& scores, AssignmentExplanation* explanation);

// The explanation in the form the store keeps (core/assignment_explanation.h),
// written into *code; reusing one code object avoids allocating.
void ToExplanationCode(const ClusterModel& model, const AssignmentExplanation& explanation,
                       AssignmentExplanationCode* code);

// Appends the explanation as text for clinicians in `language`, e.g.
// "cluster 4 mainly for HV07 depressed mood 4, HV02 non-accidental
// self-injury 3. Cluster 5 (runner-up) fits worse on HV15 history: repeat
// self-harm 2. If HV15 were 3 instead of 2, cluster 5 would fit best".
void DescribeExplanation(const ClusterModel& model, const AssignmentExplanation& explanation,
                         ExplanationLanguage language, std::string* text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_ASSIGNMENT_EXPLAINER_H_
