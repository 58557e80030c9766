#include "core/care_cluster.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(CareClusterTest, OneToTwentyOneWithoutNine) {
  std::string care;
  for (int number = -1; number <= 23; ++number) {
    if (IsCareCluster(number)) care += std::to_string(number) + " ";
  }
  EXPECT_EQ(care, "1 2 3 4 5 6 7 8 10 11 12 13 14 15 16 17 18 19 20 21 ");
}

TEST(CareClusterTest, ParsesNumbersAndZtCodes) {
  for (const char* text : {"4", "04", "ZT04", "zt4", " ZT04 ", "Zt04"}) {
    EXPECT_EQ(ParseCareCluster(text), 4) << text;
  }
  EXPECT_EQ(ParseCareCluster("ZT21"), 21);
  EXPECT_EQ(ParseCareCluster("10"), 10);
}

TEST(CareClusterTest, RefusesWhatIsNoCareCluster) {
  for (const char* text : {"", "0", "9", "ZT09", "22", "ZT", "4a", "ZT004", "-4", "HV04", "Z4"}) {
    EXPECT_EQ(ParseCareCluster(text), std::nullopt) << text;
  }
}

TEST(CareClusterTest, ZtCodeAndRegulationSupercluster) {
  EXPECT_EQ(ZtCode(6), "ZT06");
  EXPECT_EQ(ZtCode(16), "ZT16");
  EXPECT_EQ(RegulationSupercluster(8), Supercluster::kNonPsychotic);
  EXPECT_EQ(RegulationSupercluster(10), Supercluster::kPsychotic);
  EXPECT_EQ(RegulationSupercluster(17), Supercluster::kPsychotic);
  EXPECT_EQ(RegulationSupercluster(18), Supercluster::kOrganic);
  EXPECT_EQ(RegulationSupercluster(9), Supercluster::kNone);
}

}  // namespace
}  // namespace clusterpilot
