#include "classifier/profile_model_builder.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/cluster_profile.h"
#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

ClusterProfile OneItemProfile(int item, int low, int high, double weight) {
  ClusterProfile profile;
  profile.cluster = 4;
  profile.supercluster = Supercluster::kNonPsychotic;
  profile.low[item] = static_cast<int8_t>(low);
  profile.high[item] = static_cast<int8_t>(high);
  profile.weight[item] = weight;
  return profile;
}

TEST(ProfileModelBuilderTest, ExpandsARangeIntoLogProbabilities) {
  const ProfileExpansion expansion{0.1, 0.3};
  const ItemCoefficients coefficients =
      ExpandProfileCoefficients(OneItemProfile(Hv(7), 2, 3, 1), expansion);
  const auto& row = coefficients[Hv(7)];
  // Inside: 0.9 shared by two ratings. Outside: 0.1 shared by 1 and 4 (one
  // step out, share 1 each) and 0 (two steps, share 0.3): total 2.3.
  EXPECT_NEAR(row[2], std::log(0.45), 1e-12);
  EXPECT_NEAR(row[3], std::log(0.45), 1e-12);
  EXPECT_NEAR(row[1], std::log(0.1 / 2.3), 1e-12);
  EXPECT_NEAR(row[4], std::log(0.1 / 2.3), 1e-12);
  EXPECT_NEAR(row[0], std::log(0.1 * 0.3 / 2.3), 1e-12);
  double total = 0;
  for (double coefficient : row) total += std::exp(coefficient);
  EXPECT_NEAR(total, 1, 1e-12);
}

TEST(ProfileModelBuilderTest, WeightScalesAndNarrowRangesEarnMore) {
  const ProfileExpansion expansion;
  const auto wide = ExpandProfileCoefficients(OneItemProfile(Hv(1), 0, 2, 1), expansion)[Hv(1)];
  const auto narrow = ExpandProfileCoefficients(OneItemProfile(Hv(1), 1, 1, 1), expansion)[Hv(1)];
  const auto heavy = ExpandProfileCoefficients(OneItemProfile(Hv(1), 1, 1, 2), expansion)[Hv(1)];
  EXPECT_GT(narrow[1], wide[1]);
  EXPECT_DOUBLE_EQ(heavy[0], 2 * narrow[0]);
  const auto all = ExpandProfileCoefficients(OneItemProfile(Hv(1), 0, 4, 1), expansion)[Hv(1)];
  for (double coefficient : all) EXPECT_DOUBLE_EQ(coefficient, std::log(0.2));
  const auto unused = ExpandProfileCoefficients(OneItemProfile(Hv(1), 0, 1, 0), expansion)[Hv(1)];
  for (double coefficient : unused) EXPECT_EQ(coefficient, 0);
}

TEST(ProfileModelBuilderTest, DerivesRedRulesFromDefiningItemsFarOutOfRange) {
  ClusterProfile mild = OneItemProfile(Hv(6), 0, 0, 2);
  mild.cluster = 1;
  mild.low[Hv(7)] = 0;
  mild.high[Hv(7)] = 1;
  mild.weight[Hv(7)] = 1;  // not defining: no rule
  ClusterProfile severe = OneItemProfile(Hv(6), 0, 1, 3);
  ClusterProfile other = OneItemProfile(Hv(6), 0, 0, 2);
  other.cluster = 2;
  const std::vector<RedRule> rules = DeriveRedRules({severe, mild, other});
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].first.item, Hv(6));
  EXPECT_EQ(rules[0].first.rating, 3);
  EXPECT_EQ(rules[0].first.match, RatingMatch::kAtLeast);
  EXPECT_EQ(rules[0].excluded_clusters, (std::vector<int>{1, 2}));
  EXPECT_EQ(rules[1].first.rating, 4);
  EXPECT_EQ(rules[1].excluded_clusters, std::vector<int>{4});
}

TEST(ProfileModelBuilderTest, BuildsOneProfileClusterPerProfileGroupedBySupercluster) {
  const ClusterModelDefinition definition = BuildProfileModelDefinition(DefaultClusterProfiles());
  ASSERT_EQ(definition.clusters.size(), DefaultClusterProfiles().size());
  Supercluster previous = Supercluster::kNonPsychotic;
  for (const ModelCluster& cluster : definition.clusters) {
    EXPECT_TRUE(cluster.profile.has_value());
    EXPECT_GE(static_cast<int>(cluster.supercluster), static_cast<int>(previous));
    previous = cluster.supercluster;
  }
}

}  // namespace
}  // namespace clusterpilot
