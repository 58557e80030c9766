#include "core/cluster_assignment.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(ClusterAssignmentTest, ProbabilitiesRoundTripRankedWithFourDecimals) {
  std::vector<ClusterProbability> ranked = {{4, 0.62104}, {5, 0.30119}, {3, 0.07777}, {1, 0.00001}};
  const std::string text = EncodeProbabilities(ranked);
  EXPECT_EQ(text, "4:0.6210;5:0.3012;3:0.0778");
  std::vector<ClusterProbability> decoded;
  ASSERT_TRUE(DecodeProbabilities(text, &decoded));
  ASSERT_EQ(decoded.size(), 3u);
  EXPECT_EQ(decoded[1].cluster, 5);
  EXPECT_DOUBLE_EQ(decoded[1].probability, 0.3012);
  EXPECT_TRUE(DecodeProbabilities("", &decoded));
  EXPECT_TRUE(decoded.empty());
  for (const char* bad : {"4", "4:x", "4:0.5;", "a:0.5", "4:0.5;5"}) {
    EXPECT_FALSE(DecodeProbabilities(bad, &decoded)) << bad;
  }
}

TEST(ClusterAssignmentTest, FlagNamesFollowTheVocabulary) {
  EXPECT_EQ(FitFlagNames(0), "");
  EXPECT_EQ(FitFlagNames(kFlagAtypical | kFlagNoFit), "atypical,no_fit");
  EXPECT_EQ(FitFlagNames(kFlagSuperclusterConflict | kFlagInsufficientData | kFlagAmbiguous),
            "ambiguous,supercluster_conflict,insufficient_data");
}

}  // namespace
}  // namespace clusterpilot
