#include "core/cluster_profile.h"

#include <gtest/gtest.h>

#include <set>

namespace clusterpilot {
namespace {

TEST(ClusterProfileTest, EmbeddedTableHasTwentyClustersInThreeSuperclusters) {
  const auto& profiles = DefaultClusterProfiles();
  ASSERT_EQ(profiles.size(), 20u);
  std::set<int> numbers;
  for (const ClusterProfile& profile : profiles) {
    numbers.insert(profile.cluster);
    EXPECT_NE(profile.cluster, 9);
    EXPECT_FALSE(profile.name.empty());
  }
  EXPECT_EQ(numbers.size(), 20u);
  EXPECT_EQ(profiles.front().supercluster, Supercluster::kNonPsychotic);
  EXPECT_EQ(profiles.back().cluster, 21);
  EXPECT_EQ(profiles.back().supercluster, Supercluster::kOrganic);
}

TEST(ClusterProfileTest, ReadsRangesAndWeights) {
  const std::string text =
      "# comment\n"
      "cluster;supercluster;name;hv08_types;HV01;HV02;HV03;HV04;HV05;HV06;HV07;HV08;HV09;HV10;"
      "HV11;HV12;HV13;HV14;HV15;HV16;HV17;HV18;HV19\n"
      "4;X;severe;AB;0-1;1-3*2;0-1;0-1;0-1;0-1;3-4*2.5;3-4;2-3;2-3;1-2;2-3;0-1;0-1;1-2;0-1;0-1;"
      "1-2;0-1\r\n";
  auto parsed = ParseClusterProfiles(text, "p.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  const ClusterProfile& profile = parsed.value().at(0);
  EXPECT_EQ(profile.cluster, 4);
  EXPECT_EQ(profile.low[1], 1);
  EXPECT_EQ(profile.high[1], 3);
  EXPECT_DOUBLE_EQ(profile.weight[1], 2.0);
  EXPECT_DOUBLE_EQ(profile.weight[6], 2.5);
  EXPECT_DOUBLE_EQ(profile.weight[0], 1.0);
  EXPECT_EQ(profile.hv08_types, "AB");
}

TEST(ClusterProfileTest, NamesLineColumnAndValueOfABadRange) {
  const std::string text =
      "cluster;supercluster;name;hv08_types;HV01;HV02;HV03;HV04;HV05;HV06;HV07;HV08;HV09;HV10;"
      "HV11;HV12;HV13;HV14;HV15;HV16;HV17;HV18;HV19\n"
      "4;X;severe;AB;0-1;3-1;0-1;0-1;0-1;0-1;3-4;3-4;2-3;2-3;1-2;2-3;0-1;0-1;1-2;0-1;0-1;1-2;0-1\n";
  auto parsed = ParseClusterProfiles(text, "p.csv");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().ToString(),
            "p.csv:2:6: HV02 \"3-1\": expected a range like 1-3 or 1-3*2 within 0-4");
}

}  // namespace
}  // namespace clusterpilot
