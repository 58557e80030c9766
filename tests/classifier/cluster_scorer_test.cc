#include "classifier/cluster_scorer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

ClusterScores Score(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen) {
  ClusterScores scores;
  ScoreClusters(model, ratings, chosen, &scores);
  return scores;
}

TEST(ClusterScorerTest, ScoreIsTheConstantPlusTheCoefficientsOfTheRatings) {
  const ClusterModel model = TinyModel();
  const ClusterScores scores = Score(model, Ratings({{7, 3}, {6, 1}, {4, 2}}), Supercluster::kNone);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(1)], 0 - 3);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(2)], 0.5f + 0);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(10)], -1 - 2 - 1);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(18)], -2 + 0);
}

TEST(ClusterScorerTest, UnknownRatingsContributeNothing) {
  const ClusterModel model = TinyModel();
  ItemRatings ratings = UnknownRatings();
  const ClusterScores scores = Score(model, ratings, Supercluster::kNone);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(1)], 0);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(2)], 0.5f);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(10)], -1);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(18)], -2);
  ratings[Hv(7)] = 4;
  EXPECT_FLOAT_EQ(Score(model, ratings, Supercluster::kNone).score[model.IndexOf(1)], -5);
}

TEST(ClusterScorerTest, ProbabilitiesAreTheSoftmaxOfTheAllowedClustersRankedBestFirst) {
  const ClusterModel model = TinyModel();
  const ClusterScores scores = Score(model, Ratings({{7, 2}}), Supercluster::kNonPsychotic);
  ASSERT_EQ(scores.ranked_count, 2);
  // Cluster 1 scores -1, cluster 2 scores 0.5 - 1 = -0.5.
  EXPECT_EQ(scores.ranked[0].number, 2);
  EXPECT_EQ(scores.ranked[1].number, 1);
  const double expected = 1 / (1 + std::exp(-0.5));
  EXPECT_NEAR(scores.ranked[0].probability, expected, 1e-6);
  EXPECT_NEAR(scores.ranked[0].probability + scores.ranked[1].probability, 1, 1e-6);
}

TEST(ClusterScorerTest, TheSuperclusterChoiceGates) {
  const ClusterModel model = TinyModel();
  const ItemRatings ratings = Ratings({{7, 0}, {6, 2}});
  const ClusterScores psychotic = Score(model, ratings, Supercluster::kPsychotic);
  ASSERT_EQ(psychotic.ranked_count, 1);
  EXPECT_EQ(psychotic.ranked[0].number, 10);
  EXPECT_FLOAT_EQ(psychotic.ranked[0].probability, 1);
  const ClusterScores organic = Score(model, ratings, Supercluster::kOrganic);
  ASSERT_EQ(organic.ranked_count, 1);
  EXPECT_EQ(organic.ranked[0].number, 18);
  const ClusterScores none = Score(model, ratings, Supercluster::kNone);
  EXPECT_EQ(none.ranked_count, 4);
  EXPECT_EQ(none.ranked[0].number, 1);  // scores 0, against -4.5, -1 and -6
}

TEST(ClusterScorerTest, RedRulesExcludeExactlyOrAtLeastOrInPairs) {
  const ClusterModel model = TinyModel();
  // HV02 exactly 4 excludes 1; 3 does not.
  EXPECT_EQ(Score(model, Ratings({{2, 4}}), Supercluster::kNonPsychotic).ranked[0].number, 2);
  EXPECT_EQ(Score(model, Ratings({{2, 4}}), Supercluster::kNonPsychotic).ranked_count, 1);
  EXPECT_EQ(Score(model, Ratings({{2, 3}}), Supercluster::kNonPsychotic).ranked_count, 2);
  // HV06 at least 3 excludes 1 and 2: nothing left in X.
  const ClusterScores hallucinations = Score(model, Ratings({{6, 4}}), Supercluster::kNonPsychotic);
  EXPECT_EQ(hallucinations.ranked_count, 0);
  EXPECT_EQ(hallucinations.best(), nullptr);
  EXPECT_EQ(hallucinations.excluded_mask, (1u << model.IndexOf(1)) | (1u << model.IndexOf(2)));
  EXPECT_EQ(hallucinations.best_overall_index, model.IndexOf(10));
  // HV03 = 4 excludes 2 only together with HV09 >= 3.
  EXPECT_EQ(Score(model, Ratings({{3, 4}, {9, 2}}), Supercluster::kNonPsychotic).ranked_count, 2);
  const ClusterScores pair =
      Score(model, Ratings({{3, 4}, {9, 4}, {7, 4}}), Supercluster::kNonPsychotic);
  ASSERT_EQ(pair.ranked_count, 1);
  EXPECT_EQ(pair.ranked[0].number, 1);
}

TEST(ClusterScorerTest, AnUnknownRatingNeverMeetsARedRule) {
  const ClusterModel model = TinyModel();
  ItemRatings ratings = Ratings({});
  ratings[Hv(6)] = kUnknownRating;
  EXPECT_EQ(Score(model, ratings, Supercluster::kNonPsychotic).excluded_mask, 0u);
}

TEST(ClusterScorerTest, EqualProbabilitiesRankTheLowerClusterFirst) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[1].constant = 0;
  definition.clusters[1].coefficients = definition.clusters[0].coefficients;
  const ClusterModel model = ClusterModel::Compile(definition).value();
  const ClusterScores scores = Score(model, Ratings({{7, 1}}), Supercluster::kNonPsychotic);
  ASSERT_EQ(scores.ranked_count, 2);
  EXPECT_EQ(scores.ranked[0].number, 1);
  EXPECT_FLOAT_EQ(scores.ranked[0].probability, 0.5f);
}

}  // namespace
}  // namespace clusterpilot
