#include "classifier/default_model.h"

#include <gtest/gtest.h>

#include "classifier/cluster_model_reader.h"
#include "classifier/cluster_model_writer.h"
#include "core/cluster_profile.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const std::string kShippedModel =
    std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/default-cluster-model.xml";

TEST(DefaultModelTest, TheShippedFileIsTheBuiltInModel) {
  const std::string shipped = ReadFile(kShippedModel);
  ASSERT_FALSE(shipped.empty()) << kShippedModel;
  EXPECT_EQ(shipped, WriteClusterModel(DefaultClusterModel()))
      << "data/default-cluster-model.xml is out of date; regenerate it with "
         "`clusterpilot model default --out data/default-cluster-model.xml`";
}

TEST(DefaultModelTest, LoadingTheShippedFileGivesTheSameModel) {
  Result<ClusterModel> loaded = ReadClusterModelFile(kShippedModel);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const ClusterModel& built_in = DefaultClusterModel();
  ASSERT_EQ(loaded.value().cluster_count(), built_in.cluster_count());
  for (int index = 0; index < built_in.cluster_count(); ++index) {
    EXPECT_EQ(loaded.value().cluster(index).number, built_in.cluster(index).number);
    EXPECT_EQ(loaded.value().cluster(index).coefficients, built_in.cluster(index).coefficients);
    EXPECT_EQ(loaded.value().cluster(index).atypical_above, built_in.cluster(index).atypical_above);
  }
  EXPECT_EQ(WriteClusterModel(loaded.value()), WriteClusterModel(built_in));
}

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
