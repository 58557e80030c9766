// End-to-end tests of `clusterpilot store copy`: the real binary, real
// stores, a round trip that must come back with every table identical.
#include <gtest/gtest.h>

#include <sstream>

#include "store/audit_log.h"
#include "store/latest_ratings.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

// The "TABLE: N rows, content hash H" lines of a copy's output, by table.
std::map<std::string, std::string> TableLines(const std::string& out) {
  std::map<std::string, std::string> lines;
  std::istringstream stream(out);
  std::string line;
  while (std::getline(stream, line)) {
    const size_t colon = line.find(": ");
    if (line.find(" rows, content hash ") != std::string::npos) {
      lines[line.substr(0, colon)] = line.substr(colon + 2);
    }
  }
  return lines;
}

class StoreCopyCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    std::vector<Measurement> measurements = {
        MakeMeasurement("P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic, {{7, 2}}),
        MakeMeasurement("P2", "Ouderen", "2026-03-09", Supercluster::kPsychotic, {})};
    SeedMeasurementsAt(db_, &measurements);
    {
      // Built as the first due list would, so that the copy carries its rows too.
      auto store = Store::Open(db_);
      ASSERT_TRUE(store.ok()) << store.error().ToString();
      ASSERT_TRUE(BuildLatestRatingsIfMissing(*store.value()).ok());
    }
    ASSERT_EQ(RunClusterpilot({"audit", "--db", db_, "--by", "auditor"}).exit_code, 0);
  }

  CommandOutcome Copy(const std::string& from, const std::string& to) {
    return RunClusterpilot({"store", "copy", "--from", from, "--to", to, "--by", "beheerder"});
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
};

TEST_F(StoreCopyCommandTest, ARoundTripBringsBackEveryTableAndAChainThatVerifies) {
  // On PostgreSQL in the tests' PostgreSQL pass: SQLite -> PostgreSQL -> SQLite.
  const std::string middle = TestStoreLocation(dir_);
  const std::string back = dir_.File("back.db");
  CommandOutcome there = Copy(db_, middle);
  ASSERT_EQ(there.exit_code, 0) << there.err;
  CommandOutcome home = Copy(middle, back);
  ASSERT_EQ(home.exit_code, 0) << home.err;
  std::map<std::string, std::string> out = TableLines(there.out);
  std::map<std::string, std::string> in = TableLines(home.out);
  ASSERT_EQ(out.size(), 15u) << there.out;
  for (const auto& [table, line] : out) {
    if (table != "audit_log") {
      EXPECT_EQ(in[table], line) << table;
    }
  }
  EXPECT_EQ(out["measurement"].substr(0, 7), "2 rows,");
  // pilot.db: the audit read and "copied to"; middle.db adds "copied from"
  // and "copied to"; back.db adds its own "copied from".
  EXPECT_EQ(out["audit_log"].substr(0, 7), "2 rows,");
  EXPECT_EQ(in["audit_log"].substr(0, 7), "4 rows,");
  EXPECT_NE(there.out.find("copied 9 rows in 15 tables from " + db_ + " to " + middle +
                           "; counts and content hashes verified\n"),
            std::string::npos)
      << there.out;
  CommandOutcome verified = RunClusterpilot({"audit", "verify", "--db", back});
  EXPECT_EQ(verified.exit_code, 0) << verified.out;
  EXPECT_EQ(verified.out.substr(0, 28), "audit log intact: 5 entries\n");
}

TEST_F(StoreCopyCommandTest, ACopyIntoAStoreWithDataIsRefusedWithExit1) {
  CommandOutcome refused = Copy(db_, db_);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "clusterpilot store: " + db_ +
                             ": table \"import_batch\" holds rows; store copy fills only an empty "
                             "store (nothing was copied)\n");
  CommandOutcome usage = RunClusterpilot({"store", "copy", "--from", db_});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err, "clusterpilot store: copy needs --from DB and --to DB\n");
}

}  // namespace
}  // namespace clusterpilot
