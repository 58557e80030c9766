// Tampering with the audit log the way someone with the sqlite3 shell would:
// drop the triggers, edit, delete, insert or backdate rows. Each is caught
// and the first damaged entry named; only a wholly rewritten chain passes
// the chain check, and the anchor file catches that.
#include "store/audit_log_chain.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/audit_log.h"
#include "store/audit_log_anchor.h"
#include "store/store.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

constexpr const char* kDropTriggers =
    "DROP TRIGGER audit_log_is_append_only_update; "
    "DROP TRIGGER audit_log_is_append_only_delete; ";

class AuditLogChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok());
    for (int i = 1; i <= 5; ++i) {
      ASSERT_TRUE(
          RecordAudit(*store.value(), "dr.visser", "override", "measurement " + std::to_string(i))
              .ok());
    }
  }

  AuditChainCheck Check() {
    auto store = Store::Open(path_);
    EXPECT_TRUE(store.ok());
    auto entries = ReadAuditLog(*store.value());
    EXPECT_TRUE(entries.ok());
    return CheckAuditChain(entries.value());
  }

  ScopedTempDir dir_;
  const std::string path_ = dir_.File("s.db");
};

TEST_F(AuditLogChainTest, AnUntouchedLogIsIntact) {
  AuditChainCheck check = Check();
  EXPECT_TRUE(check.intact) << check.problem;
  EXPECT_EQ(check.problem, "");
  EXPECT_EQ(check.entry_count, 5);
  EXPECT_EQ(check.head_id, 5);
  EXPECT_EQ(check.head_hash.size(), 64u);
}

TEST_F(AuditLogChainTest, EachEntryLinksToThePreviousOne) {
  auto store = Store::Open(path_);
  auto entries = ReadAuditLog(*store.value()).value();
  EXPECT_EQ(entries[0].previous_hash, "");
  for (size_t i = 1; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].previous_hash, entries[i - 1].chain_hash);
    EXPECT_EQ(entries[i].chain_hash, AuditChainHash(entries[i]));
  }
}

TEST_F(AuditLogChainTest, AnEditedEntryIsNamed) {
  RunSqlite(path_, std::string(kDropTriggers) +
                       "UPDATE audit_log SET object = 'measurement 99' WHERE id = 3");
  EXPECT_EQ(Check().problem, "entry 3 was changed: its content no longer matches its chain hash");
}

TEST_F(AuditLogChainTest, ABackdatedEntryIsNamed) {
  RunSqlite(path_, std::string(kDropTriggers) +
                       "UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE id = 2");
  EXPECT_EQ(Check().problem, "entry 2 was changed: its content no longer matches its chain hash");
}

TEST_F(AuditLogChainTest, ADeletedEntryIsNamedByTheGapInIds) {
  RunSqlite(path_, std::string(kDropTriggers) + "DELETE FROM audit_log WHERE id = 3");
  EXPECT_EQ(Check().problem, "entry 3 was removed: the ids jump to 4");
}

TEST_F(AuditLogChainTest, ADeletedFirstEntryIsNamed) {
  RunSqlite(path_, std::string(kDropTriggers) + "DELETE FROM audit_log WHERE id IN (1, 2)");
  EXPECT_EQ(Check().problem, "entries 1 to 2 were removed: the ids jump to 3");
}

TEST_F(AuditLogChainTest, ADeletionHiddenByRenumberingBreaksTheLink) {
  RunSqlite(path_, std::string(kDropTriggers) +
                       "DELETE FROM audit_log WHERE id = 3;"
                       "UPDATE audit_log SET id = id - 1 WHERE id > 3");
  EXPECT_EQ(Check().problem,
            "an entry before entry 3 was removed: entry 3 links to a hash that entry 2 does not "
            "have");
}

TEST_F(AuditLogChainTest, ARowInsertedAtTheEndIsNamed) {
  RunSqlite(path_, std::string(kDropTriggers) +
                       "INSERT INTO audit_log(at, user, host, action, object) "
                       "VALUES('2026-01-01T00:00:00Z', 'auditor', 'host', 'verify', 'intact')");
  EXPECT_EQ(Check().problem,
            "entry 6 was inserted: it does not link to entry 5 and its chain hash does not "
            "match its content");
}

// The insert a careful forger makes: ids shifted to make room, and a correct
// chain hash for the new entry computed from its predecessor.
TEST_F(AuditLogChainTest, ARowInsertedInTheMiddleWithAValidHashIsNamed) {
  AuditEntry forged;
  {
    auto store = Store::Open(path_);
    auto entries = ReadAuditLog(*store.value()).value();
    forged = entries[1];
    forged.object = "nothing to see";
    forged.previous_hash = entries[1].chain_hash;
    forged.chain_hash = AuditChainHash(forged);
  }
  RunSqlite(path_, std::string(kDropTriggers) +
                       "UPDATE audit_log SET id = id + 100 WHERE id > 2;"
                       "UPDATE audit_log SET id = id - 99 WHERE id > 100;"
                       "INSERT INTO audit_log(id, at, user, os_user, host, action, object, "
                       "previous_hash, chain_hash) VALUES(3, '" +
                       forged.at + "', '" + forged.user + "', '" + forged.os_user + "', '" +
                       forged.host + "', 'override', 'nothing to see', '" + forged.previous_hash +
                       "', '" + forged.chain_hash + "')");
  EXPECT_EQ(Check().problem, "entry 3 was inserted: entry 4 links to the entry before it");
}

TEST_F(AuditLogChainTest, TheTriggersStillRefuseChangesToChainedEntries) {
  auto store = Store::Open(path_);
  Status update = store.value()->Execute("UPDATE audit_log SET chain_hash = '' WHERE id = 1");
  ASSERT_FALSE(update.ok());
  EXPECT_NE(update.error().message.find("the audit log cannot be changed"), std::string::npos);
}

// Someone who can write the store can recompute every hash; only heads
// written outside the store show the chain is not the one that was there.
TEST_F(AuditLogChainTest, AWhollyRewrittenChainIsCaughtByTheAnchorFile) {
  const std::string anchor = dir_.File("anchor.log");
  SetAuditAnchorFile(anchor);
  {
    auto store = Store::Open(path_);
    ASSERT_TRUE(RecordAudit(*store.value(), "dr.visser", "read assignments", "all").ok());
  }
  SetAuditAnchorFile("");
  auto store = Store::Open(path_);
  auto entries = ReadAuditLog(*store.value()).value();
  EXPECT_EQ(CheckAuditAnchor(anchor, entries), "");
  const std::string line = ReadFile(anchor);
  EXPECT_EQ(line, "6 " + entries[5].at + " " + entries[5].chain_hash + "\n");

  // Rewrite: drop entry 2's trace and re-chain everything consistently.
  entries.erase(entries.begin() + 1);
  std::string sql = std::string(kDropTriggers) + "DELETE FROM audit_log;";
  std::string previous;
  int64_t id = 0;
  for (AuditEntry& entry : entries) {
    entry.id = ++id;
    entry.previous_hash = previous;
    entry.chain_hash = AuditChainHash(entry);
    previous = entry.chain_hash;
    sql += "INSERT INTO audit_log VALUES(" + std::to_string(entry.id) + ", '" + entry.at + "', '" +
           entry.user + "', '" + entry.host + "', '" + entry.action + "', '" + entry.object +
           "', '" + entry.os_user + "', '" + entry.previous_hash + "', '" + entry.chain_hash +
           "');";
  }
  store.value().reset();
  RunSqlite(path_, sql);
  EXPECT_TRUE(Check().intact) << Check().problem;
  auto reopened = Store::Open(path_);
  EXPECT_EQ(CheckAuditAnchor(anchor, ReadAuditLog(*reopened.value()).value()),
            "the anchor file's last head, entry 6 (" + line.substr(2, 20) +
                "), is not in the log: entries were removed");
}

TEST_F(AuditLogChainTest, AnAnchorFileNamesAChainHashThatChanged) {
  const std::string anchor = dir_.File("anchor.log");
  auto store = Store::Open(path_);
  auto entries = ReadAuditLog(*store.value()).value();
  WriteFile(anchor, "5 2026-01-01T00:00:00Z " + std::string(64, '0') + "\n");
  EXPECT_EQ(CheckAuditAnchor(anchor, entries),
            "entry 5 does not have the chain hash the anchor file recorded at "
            "2026-01-01T00:00:00Z: the chain was rewritten");
  WriteFile(anchor, "4 " + entries[3].at + " " + entries[3].chain_hash + "\n");
  EXPECT_EQ(CheckAuditAnchor(anchor, entries),
            "entries after entry 4, the anchor file's last head, were added without being "
            "anchored");
  EXPECT_EQ(
      CheckAuditAnchor(dir_.File("missing.log"), entries),
      "anchor file " + dir_.File("missing.log") + " cannot be read: No such file or directory");
}

TEST_F(AuditLogChainTest, ARolledBackEntryIsNotAnchored) {
  const std::string anchor = dir_.File("anchor.log");
  SetAuditAnchorFile(anchor);
  auto store = Store::Open(path_);
  Status outcome = store.value()->InTransaction([&]() -> Status {
    Status recorded = RecordAudit(*store.value(), "dr.visser", "override", "measurement 6");
    if (!recorded.ok()) return recorded;
    return MakeError("the change it recorded failed");
  });
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(ReadFile(anchor), "");
  ASSERT_TRUE(RecordAudit(*store.value(), "dr.visser", "override", "measurement 7").ok());
  SetAuditAnchorFile("");
  auto entries = ReadAuditLog(*store.value()).value();
  ASSERT_EQ(entries.size(), 6u);
  EXPECT_EQ(ReadFile(anchor), "6 " + entries[5].at + " " + entries[5].chain_hash + "\n");
}

// Stores made before schema version 4 get their entries chained by the
// migration, oldest first.
TEST(AuditLogMigrationTest, ChainsTheEntriesOfAnOlderStore) {
  ScopedTempDir dir;
  const std::string path = dir.File("v1.db");
  RunSqlite(path,
            ReadFile(std::string(CLUSTERPILOT_SOURCE_DIR) + "/tests/store/data/store_v1.sql"));
  RunSqlite(path,
            "INSERT INTO audit_log(at, user, host, action, object) "
            "VALUES('2026-02-01T00:00:00Z', 'finance', 'h', 'report', '2026-01')");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  auto entries = ReadAuditLog(*store.value()).value();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].os_user, "");
  EXPECT_EQ(entries[1].previous_hash, entries[0].chain_hash);
  AuditChainCheck check = CheckAuditChain(entries);
  EXPECT_TRUE(check.intact) << check.problem;
  EXPECT_EQ(check.head_hash, entries[1].chain_hash);
}

}  // namespace
}  // namespace clusterpilot
