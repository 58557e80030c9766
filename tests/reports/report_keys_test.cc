// Row keys are written by the table builders and read back by the charts:
// both directions must agree, and a key of another kind must not parse.
#include "reports/report_keys.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(ReportKeysTest, RowKeysReadBackAsTheyAreWritten) {
  EXPECT_EQ(DepartmentKey("Psychosomatiek"), "department:Psychosomatiek");
  EXPECT_EQ(ClusterRowKey(14), "cluster:14");
  EXPECT_EQ(SuperclusterGroupKey(Supercluster::kPsychotic), "group:Y");
  EXPECT_EQ(SuperclusterSubtotalKey(Supercluster::kOrganic), "supercluster:Z");
  EXPECT_EQ(MoveRowKey(4, 7), "move:4-7");
  EXPECT_EQ(ClusterOfRowKey(ClusterRowKey(14)), 14);
  EXPECT_EQ(SuperclusterOfSubtotalKey(SuperclusterSubtotalKey(Supercluster::kNonPsychotic)),
            Supercluster::kNonPsychotic);
}

TEST(ReportKeysTest, OtherKeysAreNotClustersOrSubtotals) {
  for (const char* key : {"no_cluster", "total", "cluster:", "cluster:4x", "group:X",
                          "supercluster:X", "move:4-7", "institution"}) {
    EXPECT_EQ(ClusterOfRowKey(key), std::nullopt) << key;
  }
  for (const char* key : {"group:X", "cluster:4", "supercluster:", "supercluster:Q", "total"}) {
    EXPECT_EQ(SuperclusterOfSubtotalKey(key), std::nullopt) << key;
  }
}

}  // namespace
}  // namespace clusterpilot
