// Why a measurement landed in its cluster: the items that pushed the winning
// cluster up, and the items that separated it from the runner-up.
//
// An item pushes the winner up by how much its coefficient for the winner
// exceeds the average of its coefficients for the other clusters the
// clinician's choice allowed (all other clusters when the choice leaves only
// one); it separates winner and runner-up by how much its coefficient for the
// winner exceeds the one for the runner-up. Both are differences of the
// terms the scores are made of, so they add up to the real score gaps.
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

struct ItemContribution {
  int8_t item = 0;
  int8_t rating = 0;
  float amount = 0;  // score points in favour of the winner
};

struct AssignmentExplanation {
  int8_t cluster_index = -1;    // the winner; -1 when nothing was assigned
  int8_t runner_up_index = -1;  // -1 when the winner was the only cluster allowed
  int supporting_count = 0;     // strongest first
  std::array<ItemContribution, kExplainedItems> supporting{};
  int separating_count = 0;  // strongest first
  std::array<ItemContribution, kExplainedItems> separating{};
};

// Fills *explanation for `ratings` scored as `scores` with the clinician's
// `chosen` supercluster. Allocation-free.
void ExplainAssignment(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                       const ClusterScores& scores, AssignmentExplanation* explanation);

// The explanation in the form the store keeps (core/assignment_explanation.h),
// written into *code; reusing one code object avoids allocating.
void ToExplanationCode(const ClusterModel& model, const AssignmentExplanation& explanation,
                       AssignmentExplanationCode* code);

// Appends the explanation as text for clinicians, e.g. "cluster 4 mainly for
// HV07 depressed mood 4, HV02 non-accidental self-injury 3. Cluster 5
// (runner-up) fits worse on HV09 relationships 0".
void DescribeExplanation(const ClusterModel& model, const AssignmentExplanation& explanation,
                         std::string* text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_ASSIGNMENT_EXPLAINER_H_
