// End-to-end tests of the review semantics of `clusterpilot override`: no
// fitting cluster, ZT codes, choices outside the supercluster and the
// optimistic version check, each with its audit entry.
#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

class OverrideCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    measurements_ = {
        MakeMeasurement(
            "P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic,
            {{2, 2}, {6, 1}, {7, 4}, {8, 3}, {9, 3}, {10, 3}, {11, 2}, {12, 3}, {15, 2}, {18, 2}}),
        MakeMeasurement("P2", "Volwassenen", "2026-03-09", Supercluster::kNone, {{6, 4}, {7, 2}})};
    SeedMeasurementsAt(db_, &measurements_);
    CommandOutcome classified = RunClusterpilot({"classify", "--db", db_});
    ASSERT_EQ(classified.exit_code, 0) << classified.err;
  }

  std::string Id(int index) const { return std::to_string(measurements_[index].id); }

  CommandOutcome Override(int index, std::vector<std::string> decision) {
    std::vector<std::string> arguments = {"override",           "--db",    db_,
                                          "--measurement",      Id(index), "--reason",
                                          "clinical judgement", "--by",    "dr.jansen"};
    arguments.insert(arguments.end(), decision.begin(), decision.end());
    return RunClusterpilot(arguments);
  }

  // The audit log's override entries, one per line.
  std::string OverrideAudit() {
    std::string entries;
    auto store = Store::Open(db_).value();
    const std::vector<AuditEntry> log = ReadAuditLog(*store).value();
    for (const AuditEntry& entry : log) {
      if (entry.action == "override") entries += entry.user + ": " + entry.object + "\n";
    }
    return entries;
  }

  // The assignments CSV line of a patient.
  std::string AssignmentLine(const std::string& patient) {
    const std::string csv = RunClusterpilot({"assignments", "--db", db_}).out;
    const size_t start = csv.find(";" + patient + ";");
    const size_t line = csv.rfind('\n', start) + 1;
    return csv.substr(line, csv.find("\r\n", start) - line);
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
  std::vector<Measurement> measurements_;
};

TEST_F(OverrideCommandTest, NoFittingClusterIsADecisionOfItsOwn) {
  CommandOutcome outcome = Override(0, {"--no-cluster"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out,
            "measurement " + Id(0) +
                ": decided no fitting cluster by dr.jansen (algorithm: 4; review 1)\n");
  EXPECT_EQ(OverrideAudit(),
            "dr.jansen: measurement " + Id(0) + ": no fitting cluster (algorithm: 4)\n");
  const std::string line = AssignmentLine("P1");
  // override_cluster and final_cluster stay empty; the decision says why.
  EXPECT_NE(line.find(";;clinical judgement;dr.jansen;20"), std::string::npos) << line;
  EXPECT_TRUE(line.ends_with("Z;;no fitting cluster;1")) << line;
}

TEST_F(OverrideCommandTest, AZtCodeIsAClusterAsMuchAsANumber) {
  CommandOutcome zt = Override(1, {"--cluster", "ZT06"});
  ASSERT_EQ(zt.exit_code, 0) << zt.err;
  EXPECT_NE(zt.out.find("cluster 6 by dr.jansen"), std::string::npos) << zt.out;
  CommandOutcome padded = Override(1, {"--cluster", "06"});
  ASSERT_EQ(padded.exit_code, 0) << padded.err;
  // Both are stored and audited as cluster 6.
  const std::string audit = OverrideAudit();
  const std::string entry = "dr.jansen: measurement " + Id(1) + ": cluster 6 (algorithm: ";
  ASSERT_EQ(audit.find(entry), 0u) << audit;
  EXPECT_NE(audit.find("\n" + entry), std::string::npos) << audit;
  CommandOutcome unused = Override(1, {"--cluster", "ZT09"});
  EXPECT_EQ(unused.exit_code, 1);
  EXPECT_EQ(unused.err,
            "clusterpilot override: --cluster \"ZT09\": not a care cluster (1-8 or 10-21, or "
            "ZT01-ZT21; 9 is unused; --no-cluster when none fits)\n");
}

TEST_F(OverrideCommandTest, AClusterOutsideTheSuperclusterNeedsToBeChosenOnPurpose) {
  CommandOutcome refused = Override(0, {"--cluster", "10"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "clusterpilot override: cluster 10 is psychotic, but measurement " +
                             Id(0) +
                             " was rated non-psychotic; add --outside-supercluster to choose it "
                             "on purpose\n");
  EXPECT_EQ(OverrideAudit(), "");

  CommandOutcome chosen = Override(0, {"--cluster", "ZT10", "--outside-supercluster"});
  ASSERT_EQ(chosen.exit_code, 0) << chosen.err;
  EXPECT_EQ(chosen.out,
            "measurement " + Id(0) +
                ": overridden to cluster 10 outside the supercluster by dr.jansen (algorithm: 4; "
                "review 1)\n");
  EXPECT_EQ(OverrideAudit(), "dr.jansen: measurement " + Id(0) +
                                 ": cluster 10 outside the supercluster (algorithm: 4)\n");
  const std::string line = AssignmentLine("P1");
  EXPECT_TRUE(line.ends_with("Z;10;cluster 10 outside the supercluster;1")) << line;

  // Without a supercluster chosen at rating, every cluster is inside.
  CommandOutcome free = Override(1, {"--cluster", "18"});
  ASSERT_EQ(free.exit_code, 0) << free.err;
  EXPECT_EQ(free.out.find("outside"), std::string::npos) << free.out;
}

TEST_F(OverrideCommandTest, ASecondSaveOfTheSameVersionIsAConflict) {
  CommandOutcome first = Override(0, {"--cluster", "5", "--if-version", "0"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  CommandOutcome second = Override(0, {"--no-cluster", "--if-version", "0"});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_EQ(second.err, "clusterpilot override: version \"0\": measurement " + Id(0) +
                            " was reviewed by someone else meanwhile (now at version 1); reload "
                            "it and decide again\n");
  EXPECT_EQ(OverrideAudit(), "dr.jansen: measurement " + Id(0) + ": cluster 5 (algorithm: 4)\n");
  CommandOutcome reloaded = Override(0, {"--no-cluster", "--if-version", "1"});
  ASSERT_EQ(reloaded.exit_code, 0) << reloaded.err;
  EXPECT_NE(reloaded.out.find("review 2"), std::string::npos) << reloaded.out;
}

TEST_F(OverrideCommandTest, ClusterAndNoClusterExcludeEachOther) {
  CommandOutcome both = Override(0, {"--cluster", "5", "--no-cluster"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(both.err,
            "clusterpilot override: give either --cluster N or --no-cluster (`clusterpilot "
            "override --help`)\n");
  EXPECT_EQ(Override(0, {}).exit_code, 2);
  CommandOutcome version = Override(0, {"--no-cluster", "--if-version", "x"});
  EXPECT_EQ(version.exit_code, 2);
  EXPECT_EQ(version.err,
            "clusterpilot override: --if-version \"x\": not a review version (the "
            "review_version column of `assignments`)\n");
}

}  // namespace
}  // namespace clusterpilot
