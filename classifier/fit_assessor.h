// Decides the poor-fit flags of one scored measurement (core/
// cluster_assignment.h's fixed vocabulary) and words each flag as a sentence
// a clinician understands. Assessing is allocation-free; only describing a
// flagged measurement builds text.
#ifndef CLUSTERPILOT_CLASSIFIER_FIT_ASSESSOR_H_
#define CLUSTERPILOT_CLASSIFIER_FIT_ASSESSOR_H_

#include <cstdint>
#include <string>

#include "classifier/cluster_model.h"
#include "classifier/cluster_scorer.h"
#include "core/measurement.h"

namespace clusterpilot {

struct FitAssessment {
  uint32_t flags = 0;      // FitFlag bits
  int unknown_count = 0;   // unknown items of the measurement
  double distance = 0;     // fit distance to the assigned cluster (0 when none)
  double threshold = 0;    // that cluster's atypical threshold
  int conflict_rule = -1;  // the first conflict rule that fired, by index
  // A cluster of another supercluster that scores far better than any
  // allowed one, by index; -1 when there is none.
  int8_t conflict_cluster_index = -1;
};

// Flags for `measurement` scored as `scores`. `max_unknown_items` is the
// model's threshold or the setting that overrides it:
// - insufficient_data: no item known; more unknown items than allowed on the
//   full route (or a route the export did not say); on the dynamic route,
//   where unasked items are normal, only when the answered items leave the
//   best cluster below the model's decisive probability;
// - ambiguous: the two best probabilities closer than the model's margin;
// - atypical: fit distance to the assigned cluster above its threshold;
// - no_fit: every allowed cluster excluded, or the distance beyond
//   no_fit_factor times the threshold (then instead of atypical);
// - supercluster_conflict: a conflict rule of the chosen supercluster fires,
//   or a cluster of another supercluster scores conflict_margin higher.
void AssessFit(const ClusterModel& model, int max_unknown_items, const Measurement& measurement,
               const ClusterScores& scores, FitAssessment* fit);

// One sentence per flag, in the order of kAllFitFlags, separated by '\n',
// appended to *text; nothing when no flag is set. E.g. "HV06 hallucinations
// and delusions rated 4 but non-psychotic chosen".
void DescribeFit(const ClusterModel& model, int max_unknown_items, const Measurement& measurement,
                 const ClusterScores& scores, const FitAssessment& fit, std::string* text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_FIT_ASSESSOR_H_
