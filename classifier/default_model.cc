#include "classifier/default_model.h"

#include <cstdlib>

#include "classifier/profile_model_builder.h"
#include "core/cluster_profile.h"

namespace clusterpilot {
namespace {

constexpr int kHv04 = 3;
constexpr int kHv06 = 5;

// Fitted on a synthetic institution by FitTemperature
// (tests/classifier/probability_calibration_test.cc checks it still is):
// the raw softmax said 99% where the model is right about 85% of the time.
constexpr double kDefaultTemperature = 3.97;

}  // namespace

std::vector<ConflictRule> DefaultConflictRules() {
  const ItemCondition hallucinations{kHv06, 3, RatingMatch::kAtLeast};
  const ItemCondition cognition{kHv04, 3, RatingMatch::kAtLeast};
  return {
      {hallucinations, Supercluster::kNonPsychotic, Supercluster::kPsychotic},
      {cognition, Supercluster::kNonPsychotic, Supercluster::kOrganic},
      {cognition, Supercluster::kPsychotic, Supercluster::kOrganic},
  };
}

ClusterModelDefinition DefaultModelDefinition() {
  ClusterModelDefinition definition = BuildProfileModelDefinition(DefaultClusterProfiles());
  definition.name = kDefaultModelName;
  definition.version = kDefaultModelVersion;
  definition.description =
      "ILLUSTRATIVE, NOT THE OFFICIAL NZa MODEL. Built from clusterpilot's reading of the "
      "public care-cluster descriptions (data/cluster_profiles.csv): each cluster's expected "
      "range per item is expanded into coefficients, red rules exclude a cluster when a "
      "defining item is rated three or more steps above its range, and conflict rules name "
      "ratings that contradict the clinician's supercluster. Load the official NZa "
      "coefficients with `clusterpilot model import` and `classify --model`.";
  definition.conflict_rules = DefaultConflictRules();
  definition.calibration.temperature = kDefaultTemperature;
  return definition;
}

const ClusterModel& DefaultClusterModel() {
  static const ClusterModel model = [] {
    Result<ClusterModel> compiled = ClusterModel::Compile(DefaultModelDefinition());
    if (!compiled.ok()) std::abort();  // the embedded table is checked by the tests
    return std::move(compiled).value();
  }();
  return model;
}

}  // namespace clusterpilot
