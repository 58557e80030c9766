#include "generator/department_mix.h"

#include <gtest/gtest.h>

#include <set>

#include "core/cluster_profile.h"

namespace clusterpilot {
namespace {

TEST(DepartmentMixTest, NamedDepartmentsComeFirstThenRegionalCopies) {
  std::vector<DepartmentMix> departments = SyntheticDepartments(9);
  ASSERT_EQ(departments.size(), 9u);
  EXPECT_EQ(departments[0].name, "Angst en Stemming");
  EXPECT_EQ(departments[1].name, "Psychosezorg");
  EXPECT_EQ(departments[5].name, "Psychosomatiek");
  EXPECT_EQ(departments[6].name, "Ambulante cliëntenzorg (FACT)");
  EXPECT_EQ(departments[7].name, "Angst en Stemming Noord");
  EXPECT_EQ(departments[8].name, "Psychosezorg Noord");
  EXPECT_EQ(SyntheticDepartments(20)[19].name, "Psychosomatiek Zuid");
}

TEST(DepartmentMixTest, CountIsClampedToTheSupportedRange) {
  EXPECT_EQ(SyntheticDepartments(1).size(), static_cast<size_t>(kMinDepartments));
  EXPECT_EQ(SyntheticDepartments(99).size(), static_cast<size_t>(kMaxDepartments));
  std::set<std::string> names;
  for (const DepartmentMix& department : SyntheticDepartments(kMaxDepartments)) {
    EXPECT_TRUE(names.insert(department.name).second) << department.name;
  }
}

TEST(DepartmentMixTest, EveryMixNamesRealClustersAndHasClinicians) {
  std::set<int> known = {kIllFittingCluster};
  for (const ClusterProfile& profile : DefaultClusterProfiles()) known.insert(profile.cluster);
  for (const DepartmentMix& department : SyntheticDepartments(7)) {
    EXPECT_FALSE(department.clinicians.empty()) << department.name;
    EXPECT_GT(department.size, 0) << department.name;
    for (const ClusterShare& share : department.clusters) {
      EXPECT_TRUE(known.count(share.cluster)) << department.name << " " << share.cluster;
      EXPECT_GT(share.weight, 0);
    }
  }
}

TEST(DepartmentMixTest, PsychosomaticsIsMostlyIllFitting) {
  const DepartmentMix psychosomatics = SyntheticDepartments(7)[5];
  double ill = 0;
  double total = 0;
  for (const ClusterShare& share : psychosomatics.clusters) {
    total += share.weight;
    if (share.cluster == kIllFittingCluster) ill += share.weight;
  }
  EXPECT_GE(ill / total, 0.4);
}

}  // namespace
}  // namespace clusterpilot
