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

}  // namespace
}  // namespace clusterpilot
