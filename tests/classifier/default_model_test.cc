#include "classifier/default_model.h"

#include <gtest/gtest.h>

#include "core/cluster_profile.h"

namespace clusterpilot {
namespace {

TEST(DefaultModelTest, IsBuiltFromTheProfileTableAndLabelledIllustrative) {
  const ClusterModel& model = DefaultClusterModel();
  EXPECT_EQ(model.name(), kDefaultModelName);
  EXPECT_NE(model.definition().description.find("ILLUSTRATIVE, NOT THE OFFICIAL NZa MODEL"),
            std::string::npos);
  ASSERT_EQ(model.cluster_count(), static_cast<int>(DefaultClusterProfiles().size()));
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    const int index = model.IndexOf(profile.cluster);
    ASSERT_GE(index, 0) << profile.cluster;
    EXPECT_EQ(model.cluster(index).supercluster, profile.supercluster);
    ASSERT_TRUE(model.cluster(index).profile.has_value());
    EXPECT_EQ(model.cluster(index).profile->low, profile.low);
    EXPECT_GT(model.cluster(index).atypical_above, 0);
  }
  EXPECT_FALSE(model.definition().red_rules.empty());
  EXPECT_EQ(model.definition().conflict_rules.size(), DefaultConflictRules().size());
}

}  // namespace
}  // namespace clusterpilot
