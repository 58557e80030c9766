// End-to-end tests of `clusterpilot store pseudonymise`.
#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/audit_log_chain.h"
#include "store/pseudonymised_copy.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

class PseudonymiseCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    std::vector<Measurement> measurements = {
        MakeMeasurement("P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic, {}),
        MakeMeasurement("P1", "Volwassenen", "2026-04-02", Supercluster::kNonPsychotic, {}),
        MakeMeasurement("P2", "Ouderen", "2026-03-09", Supercluster::kNonPsychotic, {})};
    SeedMeasurementsAt(db_, &measurements);
    WriteFile(key_, key_bytes_);
  }

  CommandOutcome Pseudonymise(const std::string& out, const std::string& key) {
    return RunClusterpilot(
        {"store", "pseudonymise", "--db", db_, "--key", key, "--out", out, "--by", "analist"});
  }

  std::vector<std::string> Patients(const std::string& path) {
    auto store = Store::Open(path, Store::OpenMode::kMustExist);
    EXPECT_TRUE(store.ok());
    SqlStatement select(*store.value(), "SELECT patient_id FROM measurement ORDER BY id");
    std::vector<std::string> patients;
    while (select.Step()) patients.emplace_back(select.Text(0));
    return patients;
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
  const std::string key_ = dir_.File("pseudonym.key");
  const std::string key_bytes_ = std::string("\x01\x02\x03\n", 4) + std::string(28, 'z');
};

TEST_F(PseudonymiseCommandTest, WritesACopyAndRecordsItInTheSourceStore) {
  const std::string out = dir_.File("analysts.db");
  CommandOutcome outcome = Pseudonymise(out, key_);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out,
            "pseudonymised copy written to " + out +
                ": 3 measurements of 2 patients; rejected rows, override reasons and the audit "
                "log left out\npseudonymised data is still personal data (GDPR): share it only "
                "under the institution's data-processing rules\n");
  EXPECT_EQ(Patients(out),
            (std::vector<std::string>{Pseudonym(key_bytes_, "P1"), Pseudonym(key_bytes_, "P1"),
                                      Pseudonym(key_bytes_, "P2")}));
  EXPECT_EQ(ReadFile(out).find(key_bytes_), std::string::npos);
  auto source = Store::Open(db_);
  auto entries = ReadAuditLog(*source.value()).value();
  EXPECT_EQ(entries.back().action, "pseudonymised copy");
  EXPECT_EQ(entries.back().object, "written to " + out);
  EXPECT_EQ(entries.back().user, "analist");
  EXPECT_TRUE(CheckAuditChain(entries).intact);
}

TEST_F(PseudonymiseCommandTest, TheSameKeyFileGivesTheSamePseudonymsInTwoCopies) {
  ASSERT_EQ(Pseudonymise(dir_.File("march.db"), key_).exit_code, 0);
  ASSERT_EQ(Pseudonymise(dir_.File("april.db"), key_).exit_code, 0);
  EXPECT_EQ(Patients(dir_.File("march.db")), Patients(dir_.File("april.db")));
}

TEST_F(PseudonymiseCommandTest, AShortKeyIsRefused) {
  WriteFile(dir_.File("short.key"), std::string(31, 'k'));
  const std::string out = dir_.File("analysts.db");
  CommandOutcome outcome = Pseudonymise(out, dir_.File("short.key"));
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.err, "clusterpilot store: --key \"" + dir_.File("short.key") +
                             "\": the key has 31 bytes; use at least 32 random bytes (e.g. head "
                             "-c 32 /dev/urandom > KEYFILE) and keep the file away from the "
                             "copy\n");
  EXPECT_EQ(ReadFile(out), "");
}

TEST_F(PseudonymiseCommandTest, AnExistingOutIsRefusedAndLeftAlone) {
  const std::string out = dir_.File("analysts.db");
  WriteFile(out, "thesis");
  CommandOutcome outcome = Pseudonymise(out, key_);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.err, "clusterpilot store: --out \"" + out +
                             "\": already exists; a pseudonymised copy never replaces a file\n");
  EXPECT_EQ(ReadFile(out), "thesis");
}

TEST_F(PseudonymiseCommandTest, AMissingKeyFileOrSubcommandIsAUsageError) {
  CommandOutcome no_key =
      RunClusterpilot({"store", "pseudonymise", "--db", db_, "--out", dir_.File("x.db")});
  EXPECT_EQ(no_key.exit_code, 2);
  EXPECT_EQ(no_key.err, "clusterpilot store: pseudonymise needs --key KEYFILE and --out COPY.db\n");
  CommandOutcome unknown = RunClusterpilot({"store", "anonymise", "--db", db_});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "clusterpilot store: use `clusterpilot store pseudonymise --db DB --key KEYFILE --out "
            "COPY.db` or `clusterpilot store copy --from DB --to DB` or `clusterpilot store "
            "grants --db postgresql://... --role APPROLE [--apply]`\n");
}

}  // namespace
}  // namespace clusterpilot
