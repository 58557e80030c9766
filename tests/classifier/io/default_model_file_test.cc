// The shipped data/default-cluster-model.xml against the built-in model:
// written by the model writer, read back by the model reader.
#include <gtest/gtest.h>

#include "classifier/default_model.h"
#include "classifier/io/cluster_model_reader.h"
#include "classifier/io/cluster_model_writer.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const std::string kShippedModel =
    std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/default-cluster-model.xml";

TEST(DefaultModelFileTest, TheShippedFileIsTheBuiltInModel) {
  const std::string shipped = ReadFile(kShippedModel);
  ASSERT_FALSE(shipped.empty()) << kShippedModel;
  EXPECT_EQ(shipped, WriteClusterModel(DefaultClusterModel()))
      << "data/default-cluster-model.xml is out of date; regenerate it with "
         "`clusterpilot model default --out data/default-cluster-model.xml`";
}

TEST(DefaultModelFileTest, LoadingTheShippedFileGivesTheSameModel) {
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

}  // namespace
}  // namespace clusterpilot
