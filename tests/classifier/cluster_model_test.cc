#include "classifier/cluster_model.h"

#include <gtest/gtest.h>

#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

std::string CompileError(const ClusterModelDefinition& definition) {
  Result<ClusterModel> model = ClusterModel::Compile(definition);
  return model.ok() ? "(compiled)" : model.error().ToString();
}

TEST(ClusterModelTest, IndexesClustersAndSuperclusters) {
  const ClusterModel model = TinyModel();
  EXPECT_EQ(model.cluster_count(), 4);
  EXPECT_EQ(model.IndexOf(10), 2);
  EXPECT_EQ(model.IndexOf(3), -1);
  EXPECT_EQ(model.IndexOf(99), -1);
  EXPECT_EQ(model.IndexOf(-1), -1);
  EXPECT_EQ(model.ClusterNumbersText(), "1-2, 10, 18");
  EXPECT_EQ(model.SuperclusterMask(Supercluster::kNonPsychotic), 0b0011u);
  EXPECT_EQ(model.SuperclusterMask(Supercluster::kPsychotic), 0b0100u);
  EXPECT_EQ(model.SuperclusterMask(Supercluster::kNone), 0b1111u);
}

TEST(ClusterModelTest, FitDistanceIsTheMeanShortfallOverKnownItems) {
  const ClusterModel model = TinyModel();
  const int one = model.IndexOf(1);  // HV07 0..4 -> 0, 0, -1, -3, -5
  EXPECT_FLOAT_EQ(model.Shortfall(one, Hv(7), 3), 3);
  EXPECT_FLOAT_EQ(model.Shortfall(one, Hv(7), kUnknownRating), 0);
  EXPECT_DOUBLE_EQ(model.FitDistance(one, Ratings({{7, 3}})), 3.0 / 19);
  ItemRatings two_known = UnknownRatings();
  two_known[Hv(7)] = 4;
  two_known[Hv(1)] = 0;
  EXPECT_DOUBLE_EQ(model.FitDistance(one, two_known), 5.0 / 2);
  EXPECT_DOUBLE_EQ(model.FitDistance(one, UnknownRatings()), 0);
}

TEST(ClusterModelTest, RefusesInconsistentDefinitions) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[1].number = 1;
  EXPECT_EQ(CompileError(definition), "cluster \"1\": defined twice");
  definition = TinyModelDefinition();
  definition.clusters[1].number = 22;
  EXPECT_EQ(CompileError(definition),
            "cluster \"22\": not a care cluster number (1-21; 9 is unused)");
  definition = TinyModelDefinition();
  definition.clusters[1].supercluster = Supercluster::kNone;
  EXPECT_EQ(CompileError(definition), "cluster \"2\": belongs to no supercluster");
  definition = TinyModelDefinition();
  definition.red_rules[0].excluded_clusters = {5};
  EXPECT_EQ(CompileError(definition),
            "red rule \"HV02 rated 4\": excludes cluster 5, which is not in this model");
  definition = TinyModelDefinition();
  definition.red_rules[1].first.rating = 7;
  EXPECT_EQ(CompileError(definition), "red rule \"7\": not a rating (0-4)");
  definition = TinyModelDefinition();
  definition.thresholds.no_fit_factor = 0.5;
  EXPECT_EQ(CompileError(definition), "no-fit-factor \"0.500000\": must be between 1 and 1000");
  definition = TinyModelDefinition();
  definition.clusters.clear();
  EXPECT_EQ(CompileError(definition), "the model has no clusters");
}

TEST(ClusterModelTest, DescribesConditions) {
  EXPECT_EQ((ItemCondition{Hv(6), 3, RatingMatch::kAtLeast}.Describe()), "HV06 rated 3 or more");
  EXPECT_EQ((ItemCondition{Hv(6), 4, RatingMatch::kAtLeast}.Describe()), "HV06 rated 4");
  EXPECT_EQ((ItemCondition{Hv(12), 0, RatingMatch::kExactly}.Describe()), "HV12 rated 0");
}

}  // namespace
}  // namespace clusterpilot
