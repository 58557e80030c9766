#include "core/cluster_assignment.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

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

// The encoder rounds without printf; printf's "%.4f" is the definition.
// Checked where rounding is hardest: next to every halfway point between two
// ten-thousandths, on exact ties (k/32 for odd k is exactly halfway), at the
// ends, and on random probabilities.
TEST(ClusterAssignmentTest, ProbabilitiesRoundAsPrintfDoes) {
  auto encoded = [](double p) { return EncodeProbabilities({{7, p}}); };
  auto printed = [](double p) {
    char text[32];
    std::snprintf(text, sizeof text, "7:%.4f", p);
    return std::string(text);
  };
  std::vector<double> probabilities = {0.00005, 0.0001, 0.5, 0.99995, 0.999949999, 1.0};
  for (int odd = 1; odd < 32; odd += 2) probabilities.push_back(odd / 32.0);
  for (int k = 0; k < 10000; ++k) {
    const double halfway = (k + 0.5) / 10000.0;
    probabilities.push_back(halfway);
    probabilities.push_back(std::nextafter(halfway, 0.0));
    probabilities.push_back(std::nextafter(halfway, 1.0));
  }
  std::mt19937_64 random(2026);
  std::uniform_real_distribution<double> uniform(0.00005, 1.0);
  for (int i = 0; i < 200000; ++i) probabilities.push_back(uniform(random));
  int differing = 0;
  for (double p : probabilities) {
    if (p < 0.00005) continue;  // left out of the text (the previous test)
    if (encoded(p) != printed(p) && ++differing <= 5) {
      ADD_FAILURE() << std::hexfloat << p << ": " << encoded(p) << " vs printf " << printed(p);
    }
  }
  EXPECT_EQ(differing, 0);
  EXPECT_EQ(encoded(0.03125), "7:0.0312");  // a tie, to the even one
  EXPECT_EQ(encoded(0.09375), "7:0.0938");
  EXPECT_EQ(encoded(1.0), "7:1.0000");
}

TEST(ClusterAssignmentTest, EncodingIntoAStringReplacesItsText) {
  std::string text = "old text that is longer than the new one";
  EncodeProbabilities({{4, 0.75}, {2, 0.25}}, &text);
  EXPECT_EQ(text, "4:0.7500;2:0.2500");
  EncodeProbabilities({}, &text);
  EXPECT_EQ(text, "");
}

TEST(ClusterAssignmentTest, FlagNamesFollowTheVocabulary) {
  EXPECT_EQ(FitFlagNames(0), "");
  EXPECT_EQ(FitFlagNames(kFlagAtypical | kFlagNoFit), "atypical,no_fit");
  EXPECT_EQ(FitFlagNames(kFlagSuperclusterConflict | kFlagInsufficientData | kFlagAmbiguous),
            "ambiguous,supercluster_conflict,insufficient_data");
}

}  // namespace
}  // namespace clusterpilot
