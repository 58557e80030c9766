#include "classifier/fit_assessor.h"

#include <gtest/gtest.h>

#include "core/cluster_assignment.h"
#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

constexpr int kMaxUnknown = 6;

// The tiny model with fixed thresholds, so distances are easy to follow: a
// distance is the summed coefficient shortfall over the 19 known items.
ClusterModel FitModel(double ambiguous_margin = 0.2) {
  ClusterModelDefinition definition = TinyModelDefinition();
  for (ModelCluster& cluster : definition.clusters) cluster.atypical_above = 0.1;
  definition.thresholds.ambiguous_margin = ambiguous_margin;
  return ClusterModel::Compile(definition).value();
}

struct Outcome {
  uint32_t flags;
  std::string text;
};

Outcome Assess(const ClusterModel& model, const Measurement& measurement,
               int max_unknown = kMaxUnknown) {
  ClusterScores scores;
  ScoreClusters(model, measurement.ratings, measurement.supercluster, &scores);
  FitAssessment fit;
  AssessFit(model, max_unknown, measurement, scores, &fit);
  Outcome outcome{fit.flags, ""};
  DescribeFit(model, max_unknown, measurement, scores, fit, &outcome.text);
  return outcome;
}

Measurement Rated(Supercluster chosen, std::initializer_list<std::pair<int, int>> given) {
  Measurement measurement;
  measurement.supercluster = chosen;
  measurement.ratings = Ratings(given);
  return measurement;
}

TEST(FitAssessorTest, AClearTypicalCaseHasNoFlags) {
  const Outcome outcome = Assess(FitModel(), Rated(Supercluster::kNonPsychotic, {{7, 1}}));
  EXPECT_EQ(outcome.flags, 0u);
  EXPECT_EQ(outcome.text, "");
}

TEST(FitAssessorTest, CloseProbabilitiesAreAmbiguous) {
  // Cluster 2 at 62%, cluster 1 at 38%.
  const Measurement measurement = Rated(Supercluster::kNonPsychotic, {{7, 2}});
  EXPECT_EQ(Assess(FitModel(0.2), measurement).flags, 0u);
  const Outcome outcome = Assess(FitModel(0.3), measurement);
  EXPECT_EQ(outcome.flags, kFlagAmbiguous);
  EXPECT_EQ(outcome.text, "clusters 2 (62%) and 1 (38%) are close: check which fits better");
}

TEST(FitAssessorTest, DistanceAboveTheThresholdIsAtypicalAndNamesTheUnusualItems) {
  // Cluster 10 falls short by 2 on HV06 and 1 on HV07: 3 / 19 = 0.16.
  const Outcome outcome = Assess(FitModel(), Rated(Supercluster::kPsychotic, {{6, 1}, {7, 3}}));
  EXPECT_EQ(outcome.flags, kFlagAtypical);
  EXPECT_EQ(outcome.text,
            "unusual ratings for cluster 10: HV06 hallucinations and delusions 1, HV07 depressed "
            "mood 3");
}

TEST(FitAssessorTest, DistanceFarBeyondTheThresholdIsNoFitInsteadOfAtypical) {
  // 4 / 19 = 0.21, beyond twice the threshold. (HV07 = 2 keeps cluster 1
  // from scoring far better, which would be a conflict too.)
  const Outcome outcome = Assess(FitModel(), Rated(Supercluster::kPsychotic, {{6, 0}, {7, 2}}));
  EXPECT_EQ(outcome.flags, kFlagNoFit);
  EXPECT_EQ(outcome.text,
            "fits no cluster well: even the closest, cluster 10, differs from its usual profile: "
            "HV06 hallucinations and delusions 0");
}

TEST(FitAssessorTest, EveryAllowedClusterExcludedIsNoFitAndADecisiveItemIsAConflict) {
  const Outcome outcome = Assess(FitModel(), Rated(Supercluster::kNonPsychotic, {{6, 4}}));
  EXPECT_EQ(outcome.flags, kFlagNoFit | kFlagSuperclusterConflict);
  EXPECT_EQ(outcome.text,
            "every non-psychotic cluster is excluded by the red rules on HV06 hallucinations and "
            "delusions 4\n"
            "HV06 hallucinations and delusions rated 4 but non-psychotic chosen: this points to "
            "psychotic, and the ratings fit psychotic cluster 10 far better than any non-psychotic "
            "cluster");
}

TEST(FitAssessorTest, AChosenSuperclusterTheModelLacksIsNoFit) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters.pop_back();  // cluster 18, the only organic one
  const ClusterModel model = ClusterModel::Compile(definition).value();
  const Outcome outcome = Assess(model, Rated(Supercluster::kOrganic, {{7, 1}}));
  EXPECT_TRUE(outcome.flags & kFlagNoFit);
  EXPECT_EQ(outcome.text.substr(0, outcome.text.find('\n')), "the model has no organic clusters");
}

TEST(FitAssessorTest, RatingsThatFitAnotherSuperclusterFarBetterAreAConflict) {
  // Organic chosen, but HV04 is 0: cluster 18 scores -6 and falls short by 4;
  // cluster 1 scores 0 and fits perfectly.
  const Outcome outcome = Assess(FitModel(), Rated(Supercluster::kOrganic, {{7, 1}}));
  EXPECT_EQ(outcome.flags, kFlagNoFit | kFlagSuperclusterConflict);
  EXPECT_NE(outcome.text.find("the ratings fit non-psychotic cluster 1 far better than any "
                              "organic cluster"),
            std::string::npos)
      << outcome.text;
}

TEST(FitAssessorTest, MildRatingsThatFitNothingWellAreNotAConflict) {
  // Cluster 10 fits HV06 = 2 perfectly, so the ratings do not point elsewhere.
  const Outcome outcome = Assess(FitModel(), Rated(Supercluster::kPsychotic, {{6, 2}}));
  EXPECT_EQ(outcome.flags & kFlagSuperclusterConflict, 0u);
}

TEST(FitAssessorTest, TooManyUnknownItemsOnTheFullRouteAreInsufficientData) {
  Measurement measurement = Rated(Supercluster::kNonPsychotic, {{7, 1}});
  for (int number = 14; number <= 19; ++number) measurement.ratings[Hv(number)] = kUnknownRating;
  EXPECT_EQ(Assess(FitModel(), measurement).flags, 0u);  // 6 unknown: allowed
  measurement.ratings[Hv(13)] = kUnknownRating;
  const Outcome outcome = Assess(FitModel(), measurement);
  EXPECT_EQ(outcome.flags, kFlagInsufficientData);
  EXPECT_EQ(outcome.text,
            "7 of 19 items unknown (at most 6 allowed): too few ratings to decide "
            "reliably");
  EXPECT_EQ(Assess(FitModel(), measurement, 7).flags, 0u);  // the setting raises the limit
}

TEST(FitAssessorTest, ADecisiveDynamicRouteRecordIsNotInsufficientData) {
  Measurement measurement;
  measurement.supercluster = Supercluster::kNonPsychotic;
  measurement.route = RatingRoute::kDynamic;
  measurement.ratings[Hv(6)] = 0;
  measurement.ratings[Hv(7)] = 1;  // cluster 1 at 92%
  measurement.ratings[Hv(2)] = 0;
  EXPECT_EQ(Assess(FitModel(), measurement).flags & kFlagInsufficientData, 0u);
  measurement.ratings[Hv(7)] = 2;  // cluster 2 at 62%: the answers do not decide
  const Outcome outcome = Assess(FitModel(), measurement);
  EXPECT_EQ(outcome.flags & kFlagInsufficientData, kFlagInsufficientData);
  EXPECT_NE(outcome.text.find("dynamic route: the 3 answered items do not decide (best: cluster 2 "
                              "at 62%, 70% needed)"),
            std::string::npos)
      << outcome.text;
  measurement.route = RatingRoute::kFull;
  measurement.ratings[Hv(7)] = 1;
  EXPECT_EQ(Assess(FitModel(), measurement).flags & kFlagInsufficientData, kFlagInsufficientData);
}

TEST(FitAssessorTest, NoRatedItemIsInsufficientDataOnAnyRoute) {
  Measurement measurement;
  measurement.route = RatingRoute::kDynamic;
  const Outcome outcome = Assess(FitModel(), measurement);
  EXPECT_TRUE(outcome.flags & kFlagInsufficientData);
  EXPECT_NE(outcome.text.find("no item was rated: nothing to decide on"), std::string::npos);
}

}  // namespace
}  // namespace clusterpilot
