// Inputs the fuzzers in fuzz/ found crashing, run through the real binary.
// Each stays here once fixed; fuzz/regressions/ keeps the same files.
#include <gtest/gtest.h>

#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

// Found by fuzz_cluster_model_reader: in a foreign namespace the schema does
// not stop the content, and a <profile> before any <cluster> made the reader
// call back() on an empty cluster list (UBSan; the release binary aborts
// with exit 134). The reader now refuses a foreign root namespace.
TEST(FuzzRegressionTest, ModelWithAProfileOutsideAClusterIsRefused) {
  ScopedTempDir dir;
  const std::string model = std::string(CLUSTERPILOT_SOURCE_DIR) +
                            "/fuzz/regressions/cluster_model_reader/profile-outside-cluster.xml";
  CommandOutcome outcome =
      RunClusterpilot({"classify", "--db", dir.File("s.db"), "--model", model});
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_NE(outcome.err.find("profile-outside-cluster.xml"), std::string::npos) << outcome.err;
}

}  // namespace
}  // namespace clusterpilot
