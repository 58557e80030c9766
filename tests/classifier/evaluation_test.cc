// The built-in model against the synthetic generator's truth: the issue's
// targets, and a report with a confusion matrix per supercluster written to
// the build folder (CLUSTERPILOT_EVALUATION_REPORT) for people to read.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "classifier/default_model.h"
#include "classifier/model_evaluation.h"
#include "core/cluster_profile.h"
#include "generator/synthetic_institution.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

constexpr double kMinimumAccuracy = 0.90;
constexpr double kMaximumTypicalPoorFit = 0.10;
constexpr double kMinimumIllFittingPoorFit = 0.70;

// A whole synthetic institution: realistic cluster mixes per department,
// re-ratings, the dynamic route, and clinicians who now and then choose
// another supercluster than the ratings suggest (or none).
ModelEvaluation EvaluateInstitution() {
  const MeasurementClassifier classifier(DefaultClusterModel());
  ModelEvaluation evaluation(DefaultClusterModel());
  SyntheticOptions options;
  options.patients = 20000;
  options.seed = 20260101;
  MeasurementClassification result;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    classifier.Classify(synthetic.measurement, &result);
    evaluation.Add(synthetic.true_cluster, result);
  });
  return evaluation;
}

// The generator's samplers directly: 1000 typical profiles per cluster with
// the right supercluster chosen, and 2000 ill-fitting ones with
// non-psychotic chosen, as a psychosomatics department would.
ModelEvaluation EvaluateSamplers() {
  const MeasurementClassifier classifier(DefaultClusterModel());
  ModelEvaluation evaluation(DefaultClusterModel());
  std::mt19937_64 random(42);
  MeasurementClassification result;
  Measurement measurement;
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    measurement.supercluster = profile.supercluster;
    for (int i = 0; i < 1000; ++i) {
      measurement.ratings = SampleTypicalRatings(profile, random);
      classifier.Classify(measurement, &result);
      evaluation.Add(profile.cluster, result);
    }
  }
  measurement.supercluster = Supercluster::kNonPsychotic;
  for (int i = 0; i < 2000; ++i) {
    measurement.ratings = SampleIllFittingRatings(random);
    classifier.Classify(measurement, &result);
    evaluation.Add(0, result);
  }
  return evaluation;
}

void ExpectTargets(const ModelEvaluation& evaluation) {
  EXPECT_GT(evaluation.typical(), 10000);
  EXPECT_GT(evaluation.ill_fitting(), 1000);
  EXPECT_GE(evaluation.TypicalAccuracy(), kMinimumAccuracy);
  EXPECT_LE(evaluation.TypicalPoorFitRate(), kMaximumTypicalPoorFit);
  EXPECT_GE(evaluation.IllFittingPoorFitRate(), kMinimumIllFittingPoorFit);
}

TEST(EvaluationTest, MeetsTheTargetsOnASyntheticInstitutionAndWritesTheReport) {
  const ModelEvaluation institution = EvaluateInstitution();
  ExpectTargets(institution);
  const ModelEvaluation samplers = EvaluateSamplers();
  ExpectTargets(samplers);

  const std::string report =
      "== A synthetic institution (20000 patients, seed 20260101)\n" + institution.Report() +
      "\n== The generator's samplers (1000 typical profiles per cluster, 2000 ill-fitting)\n" +
      samplers.Report();
  std::ofstream(CLUSTERPILOT_EVALUATION_REPORT, std::ios::binary) << report;
  const std::string written = ReadFile(CLUSTERPILOT_EVALUATION_REPORT);
  EXPECT_EQ(written, report);
  for (const char* heading :
       {"confusion matrix, non-psychotic (X): rows true cluster, columns assigned cluster\n",
        "confusion matrix, psychotic (Y): rows true cluster, columns assigned cluster\n",
        "confusion matrix, organic (Z): rows true cluster, columns assigned cluster\n",
        "top-1 accuracy on typical profiles: ", "atypical or no_fit on ill-fitting profiles: "}) {
    size_t count = 0;
    for (size_t at = written.find(heading); at != std::string::npos;
         at = written.find(heading, at + 1)) {
      ++count;
    }
    EXPECT_EQ(count, 2u) << heading;
  }
}

TEST(EvaluationTest, TheConfusionMatrixCountsEveryTypicalMeasurementOnce) {
  const ModelEvaluation samplers = EvaluateSamplers();
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    int64_t row = 0;
    for (int assigned = 0; assigned < kClusterSlots; ++assigned) {
      row += samplers.Confusion(profile.cluster, assigned);
    }
    EXPECT_EQ(row, 1000) << profile.cluster;
    EXPECT_GE(samplers.Confusion(profile.cluster, profile.cluster), 800) << profile.cluster;
  }
}

}  // namespace
}  // namespace clusterpilot
