// End-to-end tests of `clusterpilot audit` and `clusterpilot audit verify`:
// identity (the OS user always, --by apart), one escaped line per entry
// whatever a user typed, and the hash chain checked from the command line.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>

#include "store/audit_log.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

constexpr const char* kForgedBy =
    "dr.x\n2026-01-01T00:00:00Z;auditor;host;verify;log verified intact";

class AuditCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(RecordAudit(*store.value(), "finance", "import", "batch 1").ok());
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("s.db");
};

TEST_F(AuditCommandTest, ShowsOneLinePerEntryWithItsIdAndTheOperatingSystemUser) {
  CommandOutcome outcome = RunClusterpilot({"audit", "--db", db_, "--by", "auditor"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::vector<std::string> lines = Lines(outcome.out);
  ASSERT_EQ(lines.size(), 3u) << outcome.out;
  EXPECT_EQ(lines[0], "id;at;os_user;on_behalf_of;host;action;object");
  const std::string os_user = OperatingSystemUser();
  EXPECT_EQ(lines[1].rfind("1;", 0), 0u);
  EXPECT_NE(lines[1].find(";" + os_user + ";finance;"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find(";import;batch 1"), std::string::npos);
  // The read itself was committed before the log was shown, so it is in it.
  EXPECT_EQ(lines[2].rfind("2;", 0), 0u);
  EXPECT_NE(lines[2].find(";" + os_user + ";auditor;"), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find(";read audit log;audit_log"), std::string::npos);
}

TEST_F(AuditCommandTest, AForgedByIsRefusedNamingTheOptionAndTheByte) {
  CommandOutcome outcome = RunClusterpilot({"audit", "--db", db_, "--by", kForgedBy});
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err,
            "clusterpilot audit: --by \"dr.x\\n2026-01-01T00:00:00Z;auditor;host;verify;log "
            "verified intact\": byte 0x0a at position 5 is a control character; give the name "
            "of a person or account\n");
  auto store = Store::Open(db_);
  EXPECT_EQ(ReadAuditLog(*store.value()).value().size(), 1u);
}

TEST_F(AuditCommandTest, BlankAndControlCharacterNamesAreRefusedByEveryCommand) {
  struct Case {
    std::string by;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"   ", "--by \"   \": is blank; give the name of a person or account"},
      {"", "--by \"\": is blank; give the name of a person or account"},
      {"\t",
       "--by \"\\t\": byte 0x09 at position 1 is a control character; give the name of a "
       "person or account"},
      {"dr.x\x1b[2J",
       "--by \"dr.x\\x1b[2J\": byte 0x1b at position 5 is a control character; "
       "give the name of a person or account"},
      {"dr.x\x7f",
       "--by \"dr.x\\x7f\": byte 0x7f at position 5 is a control character; give "
       "the name of a person or account"},
  };
  for (const Case& c : cases) {
    for (const char* command : {"audit", "assignments", "classify"}) {
      CommandOutcome outcome = RunClusterpilot({command, "--db", db_, "--by", c.by});
      EXPECT_EQ(outcome.exit_code, 2) << command;
      EXPECT_EQ(outcome.err, "clusterpilot " + std::string(command) + ": " + c.message + "\n");
    }
  }
}

// A record written by other means (a future web user, an older program) may
// still hold a newline: showing it must not add a line.
TEST_F(AuditCommandTest, ControlCharactersInStoredFieldsAreEscaped) {
  {
    auto store = Store::Open(db_);
    ASSERT_TRUE(RecordAudit(*store.value(), kForgedBy, "import", "file a\nb;c\\d\x1b.csv").ok());
  }
  CommandOutcome outcome = RunClusterpilot({"audit", "--db", db_});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::vector<std::string> lines = Lines(outcome.out);
  ASSERT_EQ(lines.size(), 4u) << outcome.out;
  EXPECT_NE(lines[2].find(";dr.x\\n2026-01-01T00:00:00Z\\x3bauditor\\x3bhost\\x3bverify\\x3blog "
                          "verified intact;"),
            std::string::npos)
      << lines[2];
  EXPECT_NE(lines[2].find(";import;file a\\nb\\x3bc\\\\d\\x1b.csv"), std::string::npos) << lines[2];
}

TEST_F(AuditCommandTest, AFileNameWithANewlineStaysOnItsOwnLine) {
  const std::string csv = dir_.File("export.csv");
  CommandOutcome generated =
      RunClusterpilot({"generate", "--patients", "3", "--months", "1", "--out", csv});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const std::string odd = dir_.File("march\n2026-01-01T00:00:00Z;x;y;verify;intact.csv");
  ASSERT_EQ(std::rename(csv.c_str(), odd.c_str()), 0);
  CommandOutcome imported = RunClusterpilot({"import", "--db", db_, odd});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  CommandOutcome outcome = RunClusterpilot({"audit", "--db", db_});
  const std::vector<std::string> lines = Lines(outcome.out);
  ASSERT_EQ(lines.size(), 4u) << outcome.out;  // header, batch 1, the import, this read
  EXPECT_EQ(lines[2].rfind("2;", 0), 0u);
  EXPECT_NE(lines[2].find("march\\n2026-01-01T00:00:00Z\\x3bx"), std::string::npos) << lines[2];
  EXPECT_EQ(lines[3].rfind("3;", 0), 0u);
}

TEST_F(AuditCommandTest, VerifySaysIntactWithTheHeadHash) {
  auto store = Store::Open(db_);
  auto head = ReadAuditLog(*store.value()).value().back();
  CommandOutcome outcome = RunClusterpilot({"audit", "verify", "--db", db_});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, "audit log intact: 1 entries\nhead: entry 1 " + head.chain_hash + "\n");
}

TEST_F(AuditCommandTest, VerifyNamesTheFirstChangedEntryAndExits1) {
  for (int i = 0; i < 3; ++i) ASSERT_EQ(RunClusterpilot({"audit", "--db", db_}).exit_code, 0);
  RunSqlite(db_,
            "DROP TRIGGER audit_log_is_append_only_update;"
            "UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE id = 2;");
  auto store = Store::Open(db_);
  auto head = ReadAuditLog(*store.value()).value().back();
  CommandOutcome outcome = RunClusterpilot({"audit", "verify", "--db", db_});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.out,
            "audit log NOT intact: entry 2 was changed: its content no longer matches its chain "
            "hash\nhead: entry 4 " +
                head.chain_hash + "\n");
}

TEST_F(AuditCommandTest, TheAnchorFileSettingRecordsEveryHeadAndVerifyComparesIt) {
  const std::string anchor = dir_.File("anchor.log");
  const std::string settings = dir_.File("clusterpilot.properties");
  WriteFile(settings, "audit.anchor_file = " + anchor + "\n");
  ASSERT_EQ(RunClusterpilot({"audit", "--db", db_, "--config", settings}).exit_code, 0);
  ASSERT_EQ(RunClusterpilot({"audit", "--db", db_, "--config", settings}).exit_code, 0);
  auto store = Store::Open(db_);
  auto entries = ReadAuditLog(*store.value()).value();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(ReadFile(anchor), "2 " + entries[1].at + " " + entries[1].chain_hash + "\n3 " +
                                  entries[2].at + " " + entries[2].chain_hash + "\n");
  CommandOutcome verified = RunClusterpilot({"audit", "verify", "--db", db_, "--config", settings});
  EXPECT_EQ(verified.exit_code, 0) << verified.out;
  EXPECT_EQ(verified.out,
            "audit log intact: 3 entries, head matches the anchor file\nhead: entry 3 " +
                entries[2].chain_hash + "\n");
  // Dropping the last entry leaves a consistent chain; the anchor notices.
  store.value().reset();
  RunSqlite(db_,
            "DROP TRIGGER audit_log_is_append_only_delete; DELETE FROM audit_log WHERE id = 3;");
  CommandOutcome rewritten =
      RunClusterpilot({"audit", "verify", "--db", db_, "--config", settings});
  EXPECT_EQ(rewritten.exit_code, 1);
  EXPECT_EQ(rewritten.out, "audit log NOT intact: the anchor file's last head, entry 3 (" +
                               entries[2].at + "), is not in the log: entries were removed\n" +
                               "head: entry 2 " + entries[1].chain_hash + "\n");
}

TEST_F(AuditCommandTest, AnUnknownArgumentIsAUsageError) {
  CommandOutcome outcome = RunClusterpilot({"audit", "check", "--db", db_});
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.err,
            "clusterpilot audit: unexpected argument \"check\"; use `clusterpilot audit [verify] "
            "--db FILE`\n");
}

}  // namespace
}  // namespace clusterpilot
