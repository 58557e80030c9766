#include "classifier/assignment_explainer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "classifier/default_model.h"
#include "classifier/measurement_classifier.h"
#include "core/cluster_profile.h"
#include "generator/synthetic_institution.h"
#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

std::string Explain(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                    AssignmentExplanation* explanation) {
  ClusterScores scores;
  ScoreClusters(model, ratings, chosen, &scores);
  ExplainAssignment(model, ratings, chosen, scores, explanation);
  std::string text;
  DescribeExplanation(model, *explanation, ExplanationLanguage::kEnglish, &text);
  return text;
}

std::string Counterfactual(const ClusterModel& model, const AssignmentExplanation& explanation) {
  AssignmentExplanationCode code;
  ToExplanationCode(model, explanation, &code);
  return DescribeCounterfactual(code, ExplanationLanguage::kEnglish);
}

TEST(AssignmentExplainerTest, NamesWhatRaisedTheWinnerAndWhatSeparatedItFromTheRunnerUp) {
  const ClusterModel model = TinyModel();
  AssignmentExplanation explanation;
  const std::string text =
      Explain(model, Ratings({{7, 4}}), Supercluster::kNonPsychotic, &explanation);
  EXPECT_EQ(model.cluster(explanation.cluster_index).number, 2);
  EXPECT_EQ(model.cluster(explanation.runner_up_index).number, 1);
  ASSERT_EQ(explanation.supporting_count, 1);  // the other items are 0 and define nothing
  EXPECT_EQ(explanation.supporting[0].item, Hv(7));
  EXPECT_FLOAT_EQ(explanation.supporting[0].amount, 5);  // 0 for cluster 2 against -5
  EXPECT_EQ(text,
            "cluster 2 mainly for HV07 depressed mood 4. Cluster 1 (runner-up) fits worse on HV07 "
            "depressed mood 4");
  // HV07 3 closes 2 of the 5.5 points; no other item moves either cluster.
  EXPECT_EQ(explanation.change_count, 0);
}

TEST(AssignmentExplainerTest, NamesAZeroOnlyWhereTheWinnerIsDefinedByItsAbsence) {
  const ClusterModel model = TinyModel();
  AssignmentExplanation explanation;
  const std::string text =
      Explain(model, Ratings({{6, 3}}), Supercluster::kPsychotic, &explanation);
  // Cluster 10 is alone in Y, so it is compared with the three others. Its
  // HV07 row (0, 0, 0, -1, -2) defines it by low mood being absent: HV07 0
  // costs cluster 2 five points, 5/3 in favour of cluster 10 on average.
  // HV04 0 costs cluster 18 as much but says nothing about cluster 10.
  ASSERT_EQ(explanation.supporting_count, 1);
  EXPECT_NEAR(explanation.supporting[0].amount, 5.0 / 3, 1e-5);
  EXPECT_EQ(explanation.runner_up_index, -1);
  EXPECT_EQ(text, "cluster 10 mainly for HV07 depressed mood 0. No other cluster was allowed");
}

TEST(AssignmentExplainerTest, KeepsTheThreeStrongestItems) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[1].coefficients[Hv(1)] = {0, -1, 0, 0, 0};
  definition.clusters[1].coefficients[Hv(2)] = {0, -4, 0, 0, 0};
  definition.clusters[1].coefficients[Hv(3)] = {0, -2, 0, 0, 0};
  const ClusterModel model = ClusterModel::Compile(definition).value();
  AssignmentExplanation explanation;
  const std::string text = Explain(model, Ratings({{1, 1}, {2, 1}, {3, 1}, {7, 1}}),
                                   Supercluster::kNonPsychotic, &explanation);
  ASSERT_EQ(explanation.separating_count, 3);
  EXPECT_EQ(explanation.separating[0].item, Hv(2));  // 4
  EXPECT_EQ(explanation.separating[1].item, Hv(7));  // 3
  EXPECT_EQ(explanation.separating[2].item, Hv(3));  // 2; HV01 (1) is left out
  EXPECT_EQ(text.substr(text.find(". ")),
            ". Cluster 2 (runner-up) fits worse on HV02 non-accidental self-injury 1, HV07 "
            "depressed mood 1, HV03 problem drinking or drug-taking 1");
}

TEST(AssignmentExplainerTest, StatesTheSmallestChangeThatMakesTheRunnerUpWin) {
  const ClusterModel model = TinyModel();
  AssignmentExplanation explanation;
  // Cluster 2 leads cluster 1 by half a point; HV07 1 turns it around.
  Explain(model, Ratings({{7, 2}}), Supercluster::kNonPsychotic, &explanation);
  EXPECT_EQ(model.cluster(explanation.cluster_index).number, 2);
  EXPECT_EQ(Counterfactual(model, explanation),
            "if HV07 were 1 instead of 2, cluster 1 would fit best");
}

TEST(AssignmentExplainerTest, TakesAsManyItemsAsTheGapNeedsAndNoMore) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[0].coefficients[Hv(1)] = {0, -3, -4, -4, -4};
  const ClusterModel model = ClusterModel::Compile(definition).value();
  AssignmentExplanation explanation;
  // Cluster 1: -1 - 3 = -4; cluster 2: 0.5 - 1 = -0.5. Each step closes 3.
  Explain(model, Ratings({{1, 1}, {7, 2}}), Supercluster::kNonPsychotic, &explanation);
  EXPECT_EQ(Counterfactual(model, explanation),
            "if HV01 were 0 instead of 1 and HV07 were 1 instead of 2, cluster 1 would fit best");
}

TEST(AssignmentExplainerTest, NothingAssignedSaysSo) {
  const ClusterModel model = TinyModel();
  AssignmentExplanation explanation;
  EXPECT_EQ(Explain(model, Ratings({{6, 4}}), Supercluster::kNonPsychotic, &explanation),
            "no cluster assigned");
  EXPECT_EQ(explanation.cluster_index, -1);
}

// A cluster's typical profile: the middle of each expected range, a middle
// between two ratings taken as the more severe one.
Measurement TypicalProfile(const ClusterProfile& profile) {
  Measurement measurement;
  measurement.supercluster = profile.supercluster;
  for (int item = 0; item < kItemCount; ++item) {
    measurement.ratings[item] =
        static_cast<int8_t>((profile.low[item] + profile.high[item] + 1) / 2);
  }
  return measurement;
}

std::vector<ClusterProfile> ProfilesFromTheDataFile() {
  const std::string path = std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/cluster_profiles.csv";
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  Result<std::vector<ClusterProfile>> profiles = ParseClusterProfiles(text.str(), path);
  EXPECT_TRUE(profiles.ok()) << path;
  return profiles.ok() ? profiles.value() : std::vector<ClusterProfile>{};
}

TEST(AssignmentExplainerTest, EveryTypicalProfileIsExplainedByADefiningItemOfItsCluster) {
  const MeasurementClassifier classifier(DefaultClusterModel());
  const std::vector<ClusterProfile> profiles = ProfilesFromTheDataFile();
  ASSERT_EQ(profiles.size(), 20u);
  for (const ClusterProfile& profile : profiles) {
    MeasurementClassification result;
    classifier.Classify(TypicalProfile(profile), &result);
    ASSERT_EQ(result.cluster(), profile.cluster);
    const AssignmentExplanation& explanation = result.explanation;
    ASSERT_GT(explanation.supporting_count, 0) << "cluster " << profile.cluster;
    // The first reason is a defining item ("*2" or more in the table).
    EXPECT_GT(profile.weight[explanation.supporting[0].item], 1.0)
        << "cluster " << profile.cluster << ": HV" << explanation.supporting[0].item + 1;
  }
}

// The demo's institution (app/demo_command.cc): 5000 patients, 12 months.
SyntheticOptions DemoInstitution() {
  SyntheticOptions options;
  options.patients = 5000;
  options.months = 12;
  options.departments = 7;
  options.seed = 2026;
  options.last_month = CalendarMonth(2026, 11);
  return options;
}

TEST(AssignmentExplainerTest, FewExplanationsOfTheInstitutionCiteOnlyZeros) {
  const MeasurementClassifier classifier(DefaultClusterModel());
  MeasurementClassification result;
  int64_t explained = 0;
  int64_t only_zeros = 0;
  GenerateInstitution(DemoInstitution(), [&](const SyntheticMeasurement& synthetic) {
    classifier.Classify(synthetic.measurement, &result);
    const AssignmentExplanation& explanation = result.explanation;
    if (explanation.cluster_index < 0) return;
    ++explained;
    bool any_nonzero = false;
    for (int i = 0; i < explanation.supporting_count; ++i) {
      any_nonzero = any_nonzero || explanation.supporting[i].rating > 0;
    }
    for (int i = 0; i < explanation.separating_count; ++i) {
      any_nonzero = any_nonzero || explanation.separating[i].rating > 0;
    }
    only_zeros += any_nonzero ? 0 : 1;
  });
  ASSERT_GT(explained, 5000);
  EXPECT_LT(static_cast<double>(only_zeros) / static_cast<double>(explained), 0.05)
      << only_zeros << " of " << explained;
  std::printf("explanations citing only items rated 0: %lld of %lld\n",
              static_cast<long long>(only_zeros), static_cast<long long>(explained));
}

TEST(AssignmentExplainerTest, EveryCounterfactualOfTheDemoMonthHoldsWhenRescored) {
  const ClusterModel& model = DefaultClusterModel();
  const MeasurementClassifier classifier(model);
  const SyntheticOptions options = DemoInstitution();
  MeasurementClassification result;
  ClusterScores rescored;
  int measurements = 0;
  int with_runner_up = 0;
  int with_change = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    const Measurement& measurement = synthetic.measurement;
    if (CalendarMonth::Of(measurement.rating_date) != options.last_month) return;
    ++measurements;
    classifier.Classify(measurement, &result);
    const AssignmentExplanation& explanation = result.explanation;
    if (explanation.runner_up_index < 0) return;
    ++with_runner_up;
    if (explanation.change_count == 0) return;
    ++with_change;
    ItemRatings changed = measurement.ratings;
    for (int i = 0; i < explanation.change_count; ++i) {
      const RatingChange& change = explanation.changes[i];
      ASSERT_EQ(changed[change.item], change.from);
      ASSERT_EQ(std::abs(change.to - change.from), 1);
      changed[change.item] = change.to;
    }
    ScoreClusters(model, changed, measurement.supercluster, &rescored);
    ASSERT_NE(rescored.best(), nullptr);
    EXPECT_EQ(rescored.best()->index, explanation.runner_up_index)
        << "measurement " << measurements;
  });
  EXPECT_GT(measurements, 500);
  // Most measurements get a counterfactual; the rest lie more than
  // kMaxChangedItems steps from their runner-up.
  EXPECT_GT(with_change, with_runner_up * 3 / 4) << with_change << " of " << with_runner_up;
  std::printf("demo month: %d measurements, %d with a runner-up, %d with a counterfactual\n",
              measurements, with_runner_up, with_change);
}

}  // namespace
}  // namespace clusterpilot
