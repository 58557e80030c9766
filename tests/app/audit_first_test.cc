// Audit first, then show: `audit`, `assignments` and `report
// --with-patient-list` commit their audit entry before the first byte of
// output. When the entry cannot be written, nothing
// is shown and the exit code is 1.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "store/audit_log.h"
#include "store/store.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

class AuditFirstTest : public testing::Test {
 protected:
  void SetUp() override {
    std::vector<Measurement> measurements = {
        MakeMeasurement("P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic,
                        {{7, 4}, {8, 3}}),
        MakeMeasurement("P2", "Ouderen", "2026-03-09", Supercluster::kNonPsychotic, {{6, 4}})};
    SeedMeasurementsAt(db_, &measurements);
    CommandOutcome classified = RunClusterpilot({"classify", "--db", db_});
    ASSERT_EQ(classified.exit_code, 0) << classified.err;
  }

  // Stands in for a full disk or a store that cannot be written: every new
  // audit entry fails, the way a failed write does, and root cannot bypass it.
  void RefuseAuditWrites() {
    RunSqlite(db_,
              "CREATE TRIGGER no_room BEFORE INSERT ON audit_log "
              "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
  }

  size_t AuditEntries() {
    auto store = Store::Open(db_);
    return ReadAuditLog(*store.value()).value().size();
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
};

TEST_F(AuditFirstTest, AssignmentsRecordTheReadBeforeShowingIt) {
  const size_t before = AuditEntries();
  CommandOutcome outcome = RunClusterpilot({"assignments", "--db", db_, "--by", "dr.visser"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("P1"), std::string::npos);
  auto store = Store::Open(db_);
  auto entries = ReadAuditLog(*store.value()).value();
  ASSERT_EQ(entries.size(), before + 1);
  EXPECT_EQ(entries.back().action, "read assignments");
  EXPECT_EQ(entries.back().user, "dr.visser");
  EXPECT_EQ(entries.back().os_user, OperatingSystemUser());
}

TEST_F(AuditFirstTest, AssignmentsShowNothingWhenTheReadCannotBeRecorded) {
  RefuseAuditWrites();
  const size_t before = AuditEntries();
  for (const std::vector<std::string>& format : {std::vector<std::string>{"--format", "csv"},
                                                 std::vector<std::string>{"--format", "json"}}) {
    CommandOutcome outcome = RunClusterpilot({"assignments", "--db", db_, format[0], format[1]});
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_EQ(outcome.out, "");
    EXPECT_EQ(outcome.err,
              "clusterpilot assignments: " + db_ + ": database error: database or disk is full\n");
  }
  const std::string file = dir_.File("assignments.csv");
  CommandOutcome to_file = RunClusterpilot({"assignments", "--db", db_, "--out", file});
  EXPECT_EQ(to_file.exit_code, 1);
  EXPECT_EQ(ReadFile(file), "");
  EXPECT_EQ(AuditEntries(), before);
}

TEST_F(AuditFirstTest, TheAuditLogIsNotShownWhenTheReadCannotBeRecorded) {
  RefuseAuditWrites();
  CommandOutcome outcome = RunClusterpilot({"audit", "--db", db_});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err,
            "clusterpilot audit: " + db_ + ": database error: database or disk is full\n");
}

// A report with the flagged-patient list names patients: no folder appears,
// not even a staging folder, unless the reading is on record.
TEST_F(AuditFirstTest, AReportWithPatientListWritesNothingWhenTheReadCannotBeRecorded) {
  RefuseAuditWrites();
  const size_t before = AuditEntries();
  WriteFile(dir_.File("tariffs.csv"), PlausibleTariffCsv());
  const std::string out = dir_.File("reports/care-team");
  CommandOutcome outcome =
      RunClusterpilot({"report", "--db", db_, "--month", "2026-03", "--tariffs",
                       dir_.File("tariffs.csv"), "--out", out, "--with-patient-list"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err,
            "clusterpilot report: " + db_ + ": database error: database or disk is full\n");
  EXPECT_FALSE(std::filesystem::exists(dir_.File("reports")));
  EXPECT_EQ(AuditEntries(), before);
}

// The same with a store file the user may not write. Root may write any
// file, so the test only means something for other users.
TEST_F(AuditFirstTest, AReadOnlyStoreShowsNothing) {
  if (geteuid() == 0) GTEST_SKIP() << "root can write a 0444 file; the trigger test covers it";
  ASSERT_EQ(chmod(db_.c_str(), 0444), 0);
  WriteFile(dir_.File("tariffs.csv"), PlausibleTariffCsv());
  const std::vector<std::vector<std::string>> commands = {
      {"audit", "--db", db_},
      {"assignments", "--db", db_},
      {"report", "--db", db_, "--month", "2026-03", "--tariffs", dir_.File("tariffs.csv"), "--out",
       dir_.File("out"), "--with-patient-list"}};
  for (const std::vector<std::string>& command : commands) {
    CommandOutcome outcome = RunClusterpilot(command);
    EXPECT_EQ(outcome.exit_code, 1) << command[0];
    EXPECT_EQ(outcome.out, "") << command[0];
    EXPECT_NE(outcome.err, "") << command[0];
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.File("out")));
}

}  // namespace
}  // namespace clusterpilot
