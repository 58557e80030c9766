// The built-in model against measurements whose true cluster is known.
//
// Consistency check: the generator and the default model are both built
// from data/cluster_profiles.csv, so high accuracy there shows the model and
// the generator agree, not that the model is right. Two evaluations on
// profiles the model was not built from follow: the same profiles with
// ranges shifted by one on random items, and a second profile table written
// independently from the domain notes (data/independent_cluster_profiles.csv).
//
// A plain-text report with the confusion matrices of all four is written to
// $CLUSTERPILOT_EVALUATION_REPORT, or to the test temp dir when unset.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>

#include "classifier/default_model.h"
#include "classifier/model_evaluation.h"
#include "core/cluster_profile.h"
#include "generator/synthetic_institution.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

// The targets, on the data the model was built from.
constexpr double kMinimumAccuracy = 0.90;
constexpr double kMaximumTypicalPoorFit = 0.10;
constexpr double kMinimumIllFittingPoorFit = 0.70;

// Measured on profiles the model was not built from (the seeds below), each
// floor a few points under the measurement so a change to the model or the
// generator that loses ground fails here.
// Perturbed profiles: measured 95.0% top-1, 12.8% flagged atypical or no_fit.
constexpr double kPerturbedMinimumAccuracy = 0.92;
constexpr double kPerturbedMaximumPoorFit = 0.16;
// The independent table: measured 72.6% top-1, 54.1% flagged atypical or
// no_fit. Where the two readings of the descriptions disagree most (the
// psychotic clusters 14-17, drawn to 10) the flags do fire: they say "this
// does not look like the model's cluster" rather than hiding the miss.
constexpr double kIndependentMinimumAccuracy = 0.70;
constexpr double kIndependentMaximumPoorFit = 0.60;

constexpr int kPatientsPerProfile = 1000;
constexpr int kVariantsPerProfile = 50;
constexpr int kShiftedItemsPerVariant = 3;

void Classify(const ClusterProfile& profile, int patients, std::mt19937_64& random,
              const MeasurementClassifier& classifier, ModelEvaluation* evaluation) {
  Measurement measurement;
  measurement.supercluster = profile.supercluster;
  MeasurementClassification result;
  for (int i = 0; i < patients; ++i) {
    measurement.ratings = SampleTypicalRatings(profile, random);
    classifier.Classify(measurement, &result);
    evaluation->Add(profile.cluster, result);
  }
}

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
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    Classify(profile, kPatientsPerProfile, random, classifier, &evaluation);
  }
  Measurement measurement;
  measurement.supercluster = Supercluster::kNonPsychotic;
  MeasurementClassification result;
  for (int i = 0; i < 2000; ++i) {
    measurement.ratings = SampleIllFittingRatings(random);
    classifier.Classify(measurement, &result);
    evaluation.Add(0, result);
  }
  return evaluation;
}

// `profile` with the range of `kShiftedItemsPerVariant` distinct random items
// moved one step up or down, staying inside 0-4.
ClusterProfile Perturbed(const ClusterProfile& profile, std::mt19937_64& random) {
  ClusterProfile variant = profile;
  std::array<int, kItemCount> items{};
  for (int i = 0; i < kItemCount; ++i) items[i] = i;
  std::shuffle(items.begin(), items.end(), random);
  for (int i = 0; i < kShiftedItemsPerVariant; ++i) {
    const int item = items[i];
    int step = (random() & 1) != 0 ? 1 : -1;
    if (variant.low[item] + step < 0 || variant.high[item] + step > 4) step = -step;
    variant.low[item] = static_cast<int8_t>(variant.low[item] + step);
    variant.high[item] = static_cast<int8_t>(variant.high[item] + step);
  }
  return variant;
}

// 50 perturbed variants of each profile, 20 patients each.
ModelEvaluation EvaluatePerturbedProfiles() {
  const MeasurementClassifier classifier(DefaultClusterModel());
  ModelEvaluation evaluation(DefaultClusterModel());
  std::mt19937_64 random(7);
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    for (int v = 0; v < kVariantsPerProfile; ++v) {
      Classify(Perturbed(profile, random), kPatientsPerProfile / kVariantsPerProfile, random,
               classifier, &evaluation);
    }
  }
  return evaluation;
}

std::vector<ClusterProfile> IndependentProfiles() {
  const std::string path =
      std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/independent_cluster_profiles.csv";
  Result<std::vector<ClusterProfile>> profiles = ParseClusterProfiles(ReadFile(path), path);
  EXPECT_TRUE(profiles.ok()) << profiles.error().ToString();
  return profiles.ok() ? profiles.value() : std::vector<ClusterProfile>{};
}

ModelEvaluation EvaluateIndependentProfiles() {
  const MeasurementClassifier classifier(DefaultClusterModel());
  ModelEvaluation evaluation(DefaultClusterModel());
  std::mt19937_64 random(11);
  for (const ClusterProfile& profile : IndependentProfiles()) {
    Classify(profile, kPatientsPerProfile, random, classifier, &evaluation);
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

// Where the report goes: $CLUSTERPILOT_EVALUATION_REPORT, else the test temp dir.
std::string ReportPath() {
  const char* chosen = std::getenv("CLUSTERPILOT_EVALUATION_REPORT");
  if (chosen != nullptr && *chosen != '\0') return chosen;
  return testing::TempDir() + "clusterpilot-classifier-evaluation.txt";
}

size_t Occurrences(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

TEST(EvaluationTest, ConsistencyCheckMeetsTheTargetsOnTheTableTheModelWasBuiltFrom) {
  ExpectTargets(EvaluateInstitution());
  ExpectTargets(EvaluateSamplers());
}

TEST(EvaluationTest, CarriesOverToPerturbedProfiles) {
  const ModelEvaluation perturbed = EvaluatePerturbedProfiles();
  EXPECT_EQ(perturbed.typical(), 20 * kPatientsPerProfile);
  EXPECT_GE(perturbed.TypicalAccuracy(), kPerturbedMinimumAccuracy);
  EXPECT_LE(perturbed.TypicalPoorFitRate(), kPerturbedMaximumPoorFit);
  std::cout << "perturbed profiles: accuracy " << perturbed.TypicalAccuracy() << ", poor fit "
            << perturbed.TypicalPoorFitRate() << "\n";
}

TEST(EvaluationTest, CarriesOverToAnIndependentlyWrittenProfileTable) {
  const ModelEvaluation independent = EvaluateIndependentProfiles();
  EXPECT_EQ(independent.typical(), 20 * kPatientsPerProfile);
  EXPECT_GE(independent.TypicalAccuracy(), kIndependentMinimumAccuracy);
  EXPECT_LE(independent.TypicalPoorFitRate(), kIndependentMaximumPoorFit);
  std::cout << "independent profiles: accuracy " << independent.TypicalAccuracy() << ", poor fit "
            << independent.TypicalPoorFitRate() << "\n";
}

TEST(EvaluationTest, TheIndependentTableDescribesEveryClusterInItsSupercluster) {
  const std::vector<ClusterProfile> independent = IndependentProfiles();
  const std::vector<ClusterProfile>& built_from = DefaultClusterProfiles();
  ASSERT_EQ(independent.size(), built_from.size());
  int differing_cells = 0;
  for (size_t i = 0; i < independent.size(); ++i) {
    EXPECT_EQ(independent[i].cluster, built_from[i].cluster);
    EXPECT_EQ(independent[i].supercluster, built_from[i].supercluster);
    for (int item = 0; item < kItemCount; ++item) {
      differing_cells += independent[i].low[item] != built_from[i].low[item] ||
                         independent[i].high[item] != built_from[i].high[item];
    }
  }
  // A copy would make the evaluation circular again.
  EXPECT_GT(differing_cells, 100);
  std::cout << "independent table differs from the model's in " << differing_cells << " of "
            << independent.size() * kItemCount << " item ranges\n";
}

TEST(EvaluationTest, WritesTheReportWithAConfusionMatrixPerSupercluster) {
  const std::string report =
      "== Consistency check: a synthetic institution (20000 patients, seed 20260101), drawn from "
      "the table the model was built from\n" +
      EvaluateInstitution().Report() +
      "\n== Consistency check: the generator's samplers (1000 typical profiles per cluster, 2000 "
      "ill-fitting)\n" +
      EvaluateSamplers().Report() +
      "\n== Perturbed profiles (50 variants per cluster, 3 item ranges shifted by 1, 20 patients "
      "each; the targets below are the consistency check's)\n" +
      EvaluatePerturbedProfiles().Report() +
      "\n== An independently written table (data/independent_cluster_profiles.csv, 1000 "
      "patients per cluster; the targets below are the consistency check's)\n" +
      EvaluateIndependentProfiles().Report();
  const std::string path = ReportPath();
  std::ofstream(path, std::ios::binary) << report;
  std::cout << "classifier evaluation report: " << path << "\n";
  const std::string written = ReadFile(path);
  EXPECT_EQ(written, report);
  for (const char* heading :
       {"confusion matrix, non-psychotic (X): rows true cluster, columns assigned cluster\n",
        "confusion matrix, psychotic (Y): rows true cluster, columns assigned cluster\n",
        "confusion matrix, organic (Z): rows true cluster, columns assigned cluster\n",
        "top-1 accuracy on typical profiles: "}) {
    EXPECT_EQ(Occurrences(written, heading), 4u) << heading;
  }
}

TEST(EvaluationTest, TheConfusionMatrixCountsEveryTypicalMeasurementOnce) {
  const ModelEvaluation samplers = EvaluateSamplers();
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    int64_t row = 0;
    for (int assigned = 0; assigned < kClusterSlots; ++assigned) {
      row += samplers.Confusion(profile.cluster, assigned);
    }
    EXPECT_EQ(row, kPatientsPerProfile) << profile.cluster;
    EXPECT_GE(samplers.Confusion(profile.cluster, profile.cluster), 800) << profile.cluster;
  }
}

}  // namespace
}  // namespace clusterpilot
