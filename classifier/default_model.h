// The built-in cluster model: ILLUSTRATIVE, NOT THE OFFICIAL NZa MODEL.
// Built from the profile table data/cluster_profiles.csv (the same table the
// synthetic-data generator samples from) by expanding each profile into
// coefficients (profile_model_builder.h), with red rules read off the
// profiles and hand-picked conflict rules for decisive items. The same model
// ships as data/default-cluster-model.xml (`clusterpilot model default`
// writes it); a test keeps the two equal. Institutions load the official
// coefficients with --model in the same format.
#ifndef CLUSTERPILOT_CLASSIFIER_DEFAULT_MODEL_H_
#define CLUSTERPILOT_CLASSIFIER_DEFAULT_MODEL_H_

#include <vector>

#include "classifier/cluster_model.h"

namespace clusterpilot {

inline constexpr char kDefaultModelName[] = "clusterpilot illustrative model";
inline constexpr char kDefaultModelVersion[] = "2";

// Ratings that on their own contradict a supercluster choice: HV06 rated 3
// or more when non-psychotic was chosen (a psychotic sign), HV04 rated 3 or
// more when non-psychotic or psychotic was chosen (an organic sign).
std::vector<ConflictRule> DefaultConflictRules();

// The definition before compiling: profiles, derived red rules, conflict
// rules, default thresholds; atypical thresholds left to calibration.
ClusterModelDefinition DefaultModelDefinition();

// The compiled built-in model, made once on first use.
const ClusterModel& DefaultClusterModel();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_DEFAULT_MODEL_H_
