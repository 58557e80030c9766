#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "store/classification_table.h"
#include "store/schema_migrations.h"
#include "store/sql_statement.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

// One import batch row: the smallest write a test can make to a store.
constexpr const char* kInsertOneBatch =
    "INSERT INTO import_batch(file_name, content_hash, format, imported_at, imported_by) "
    "VALUES('a','h','csv','t','u')";

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

// The SQL of a store at schema `version`: the version 1 store of
// tests/store/data (two measurements) and the migrations after it, as SQL
// alone (migrations 4 and 12 also run code, on data these tests add later).
std::string StoreSqlAtVersion(int version) {
  std::string sql =
      ReadFile(std::string(CLUSTERPILOT_SOURCE_DIR) + "/tests/store/data/store_v1.sql");
  for (int later = 2; later <= version; ++later) sql += SchemaMigrationSql(later);
  return sql;
}

int64_t CountRows(Store& store, const std::string& table) {
  SqlStatement count(store, "SELECT count(*) FROM " + table);
  EXPECT_TRUE(count.Step()) << count.status().error().ToString();
  return count.Int(0);
}

TEST(StoreTest, CreatesANewStoreAtTheCurrentVersionInWalMode) {
  ScopedTempDir dir;
  auto store = OpenOrDie(dir.File("new.db"));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kCurrentSchemaVersion);
  SqlStatement mode(*store, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.Step());
  EXPECT_EQ(mode.Text(0), "wal");
  SqlStatement keys(*store, "PRAGMA foreign_keys");
  ASSERT_TRUE(keys.Step());
  EXPECT_EQ(keys.Int(0), 1);
  for (const char* table : {"import_batch", "measurement", "rejected_row", "classification",
                            "clinician_override", "audit_log", "cluster_model"}) {
    EXPECT_EQ(CountRows(*store, table), 0) << table;
  }
}

int64_t PageSize(Store& store) {
  SqlStatement size(store, "PRAGMA page_size");
  EXPECT_TRUE(size.Step()) << size.status().error().ToString();
  return size.Int(0);
}

// A new store takes 8 KiB pages (half the page writes of a bulk import); a
// store made with SQLite's 4 KiB keeps them, as its pages cannot change size
// in WAL mode.
TEST(StoreTest, ANewStoreTakesLargerPagesAnOldOneKeepsItsOwn) {
  ScopedTempDir dir;
  auto fresh = OpenOrDie(dir.File("new.db"));
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ(PageSize(*fresh), 8192);
  const std::string path = dir.File("v1.db");
  RunSqlite(path, StoreSqlAtVersion(1));
  auto old = OpenOrDie(path);
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(PageSize(*old), 4096);
  EXPECT_EQ(CountRows(*old, "measurement"), 2);
}

TEST(StoreTest, ReopeningKeepsDataAndVersion) {
  ScopedTempDir dir;
  {
    auto store = OpenOrDie(dir.File("s.db"));
    ASSERT_TRUE(store->Execute(kInsertOneBatch).ok());
  }
  auto again = OpenOrDie(dir.File("s.db"));
  EXPECT_EQ(CountRows(*again, "import_batch"), 1);
  EXPECT_EQ(again->schema_version(), kCurrentSchemaVersion);
}

TEST(StoreTest, MigratesAVersionOneStoreWithoutLosingData) {
  ScopedTempDir dir;
  const std::string path = dir.File("v1.db");
  RunSqlite(path, StoreSqlAtVersion(1));
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kCurrentSchemaVersion);
  EXPECT_EQ(CountRows(*store, "measurement"), 2);
  EXPECT_EQ(CountRows(*store, "audit_log"), 1);
  SqlStatement row(*store,
                   "SELECT patient_id, hv07, hv19, hv08_type, route FROM measurement WHERE id = 2");
  ASSERT_TRUE(row.Step());
  EXPECT_EQ(row.Text(0), "P0002");
  EXPECT_EQ(row.Int(1), 0);
  EXPECT_TRUE(row.IsNull(2));
  EXPECT_EQ(row.Text(3), "F");
  EXPECT_TRUE(row.IsNull(4));  // the column version 2 added
  EXPECT_EQ(CountRows(*store, "classification"), 0);
  // Version 5 lists the departments the measurements name.
  SqlStatement departments(*store, "SELECT name FROM measurement_department ORDER BY name");
  std::vector<std::string> names;
  while (departments.Step()) names.emplace_back(departments.Text(0));
  EXPECT_EQ(names, (std::vector<std::string>{"Angst & Stemming", "Psychosomatiek"}));
}

// Version 12 keeps each patient's latest rating; a store migrating to it
// gets the table filled from the measurements it holds: the latest day,
// and of two on one day the one stored last.
TEST(StoreTest, MigratingFillsEachPatientsLatestRating) {
  ScopedTempDir dir;
  const std::string path = dir.File("v1.db");
  RunSqlite(path,
            StoreSqlAtVersion(1) +
                "INSERT INTO measurement(id, patient_id, department, rating_date, supercluster, "
                "batch_id) VALUES (3, 'P0001', 'Psychosomatiek', '2026-01-05', 1, 1), "
                "(4, 'P0002', 'Psychosomatiek', '2026-04-01', 1, 1), "
                "(5, 'P0002', 'Angst & Stemming', '2026-04-01', 1, 1);");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  SqlStatement latest(*store,
                      "SELECT patient_id, measurement_id, department, rating_date "
                      "FROM latest_rating ORDER BY patient_id");
  std::vector<std::string> rows;
  while (latest.Step()) {
    rows.push_back(std::string(latest.Text(0)) + " " + std::to_string(latest.Int(1)) + " " +
                   std::string(latest.Text(2)) + " " + std::string(latest.Text(3)));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"P0001 1 Angst & Stemming 2026-03-02",
                                            "P0002 5 Angst & Stemming 2026-04-01"}));
}

// A version 2 store knew no "current model": the report took the newest
// registered one. Migration 3 keeps that choice for the stores it finds.
TEST(StoreTest, MigratesAVersionTwoStoreKeepingTheNewestModelCurrent) {
  ScopedTempDir dir;
  const std::string path = dir.File("v2.db");
  RunSqlite(path, StoreSqlAtVersion(2) +
                      "INSERT INTO cluster_model(name, version, content_hash, loaded_at) "
                      "VALUES('m', '2', 'b', 't2'), ('m', '1', 'a', 't1');"
                      "INSERT INTO classification(measurement_id, model_id, cluster, "
                      "probabilities, classified_at) VALUES(1, 2, 3, '', 't'), (1, 1, 4, '', 't');"
                      "PRAGMA user_version = 2;");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kCurrentSchemaVersion);
  SqlStatement current(*store, "SELECT model_id, cluster FROM current_classification");
  ASSERT_TRUE(current.Step());
  EXPECT_EQ(current.Int(0), 2);  // the newest model, not the newest classification row
  EXPECT_EQ(current.Int(1), 3);
  EXPECT_FALSE(current.Step());
}

// Migration 5 numbers the overrides a version 4 store already holds, per
// measurement in the order they were made, so the next review continues
// from there.
TEST(StoreTest, MigratesAVersionFourStoreNumberingItsReviews) {
  ScopedTempDir dir;
  const std::string path = dir.File("v4.db");
  RunSqlite(path, StoreSqlAtVersion(4) +
                      "INSERT INTO clinician_override(measurement_id, cluster, reason, by_user, "
                      "at) VALUES(1, 4, 'a', 'x', 't1'), (2, 7, 'b', 'x', 't2'), "
                      "(1, 5, 'c', 'y', 't3');"
                      "PRAGMA user_version = 4;");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kCurrentSchemaVersion);
  SqlStatement versions(*store,
                        "SELECT measurement_id, cluster, version, outside_supercluster "
                        "FROM clinician_override ORDER BY id");
  std::string rows;
  while (versions.Step()) {
    rows += std::to_string(versions.Int(0)) + ":" + std::to_string(versions.Int(1)) + "v" +
            std::to_string(versions.Int(2)) + (versions.Int(3) != 0 ? "o" : "") + " ";
  }
  EXPECT_EQ(rows, "1:4v1 2:7v1 1:5v2 ");
}

// Migration 14 rebuilds classification without its UNIQUE key, which held
// the same pair as the index by model: every row keeps its id and values,
// the view reads them as before, the index by model is the table's only one,
// and a second result for a measurement is still refused (by the writer).
TEST(StoreTest, MigratesAVersionThirteenStoreKeepingEveryClassification) {
  ScopedTempDir dir;
  const std::string path = dir.File("v13.db");
  RunSqlite(path, StoreSqlAtVersion(13) +
                      "INSERT INTO cluster_model(name, version, content_hash, loaded_at) "
                      "VALUES('m', '1', 'a', 't1');"
                      "INSERT INTO cluster_model_use(model_id, used_at) VALUES(1, 't1');"
                      "INSERT INTO classification VALUES"
                      "(7, 1, 1, 4, 0.75, '4:0.7500;5:0.2500', 2, 'close', 'why', 't2'),"
                      "(9, 2, 1, NULL, NULL, '', 4, 'no fit', '', 't2');"
                      "PRAGMA user_version = 13;");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kCurrentSchemaVersion);
  SqlStatement rows(*store,
                    "SELECT id, measurement_id, model_id, coalesce(cluster, 0), "
                    "coalesce(probability, 0), probabilities, flags, flag_reasons, explanation, "
                    "classified_at FROM current_classification ORDER BY id");
  std::string read;
  while (rows.Step()) {
    for (int column = 0; column < 10; ++column) read += std::string(rows.Text(column)) + "|";
    read += "\n";
  }
  EXPECT_EQ(read,
            "7|1|1|4|0.75|4:0.7500;5:0.2500|2|close|why|t2|\n"
            "9|2|1|0|0||4|no fit||t2|\n");
  SqlStatement indexes(*store,
                       "SELECT group_concat(name) FROM sqlite_schema "
                       "WHERE type = 'index' AND tbl_name = 'classification'");
  ASSERT_TRUE(indexes.Step());
  EXPECT_EQ(indexes.Text(0), "classification_by_model");
  ClassificationWriter again(*store, 1, "t3");
  EXPECT_FALSE(again.Write({2, 3, 1.0, "3:1.0000", 0, "", ""}).ok());
}

TEST(StoreTest, RefusesATextFileAndLeavesItUnchanged) {
  ScopedTempDir dir;
  const std::string path = dir.File("notes.db");
  WriteFile(path, "patient;department\nP1;A\n");
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().ToString(),
            path +
                ": is not a clusterpilot store (not an SQLite database); the file was left "
                "unchanged");
  EXPECT_EQ(ReadFile(path), "patient;department\nP1;A\n");
}

TEST(StoreTest, RefusesAnotherApplicationsSqliteFileAndLeavesItUnchanged) {
  ScopedTempDir dir;
  const std::string path = dir.File("other.db");
  RunSqlite(path, "CREATE TABLE contacts(name TEXT);");
  const std::string before = ReadFile(path);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message,
            "is not a clusterpilot store (an SQLite database of another application); the file "
            "was left unchanged");
  EXPECT_EQ(ReadFile(path), before);
  EXPECT_FALSE(std::ifstream(path + "-wal").good());
}

TEST(StoreTest, RefusesAStoreFromANewerVersionAndLeavesItUnchanged) {
  ScopedTempDir dir;
  const std::string path = dir.File("future.db");
  { OpenOrDie(path); }
  RunSqlite(path, "PRAGMA user_version = 99;");
  const std::string before = ReadFile(path);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find(
                "was made by a newer clusterpilot (store version 99; this program knows up to " +
                std::to_string(kCurrentSchemaVersion) + ")"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(ReadFile(path), before);
}

int64_t SynchronousSetting(Store& store) {
  SqlStatement pragma(store, "PRAGMA synchronous");
  EXPECT_TRUE(pragma.Step());
  return pragma.Int(0);
}

// SQLite's PRAGMA synchronous: 1 NORMAL (WAL synced at checkpoints), 2 FULL
// (synced at every commit).
TEST(StoreTest, DurableCommitsSyncTheLogAtEveryCommit) {
  ScopedTempDir dir;
  auto store = OpenOrDie(dir.File("store.db"));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(SynchronousSetting(*store), 1);
  ASSERT_TRUE(store->RequireDurableCommits().ok());
  EXPECT_EQ(SynchronousSetting(*store), 2);
}

TEST(StoreTest, MustExistModeDoesNotCreateAFile) {
  ScopedTempDir dir;
  auto store = Store::Open(dir.File("missing.db"), Store::OpenMode::kMustExist);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("no store here yet"), std::string::npos);
  EXPECT_FALSE(std::ifstream(dir.File("missing.db")).good());
}

TEST(StoreTest, FailedTransactionLeavesNothingBehind) {
  ScopedTempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  Status status = store->InTransaction([&]() -> Status {
    Status inserted = store->Execute(kInsertOneBatch);
    EXPECT_TRUE(inserted.ok());
    return MakeError("bad row");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(CountRows(*store, "import_batch"), 0);
}

// One process holds a write transaction open; another process reads the
// committed state meanwhile (WAL), and sees the new rows once committed.
TEST(StoreTest, ASecondProcessReadsWhileOneWrites) {
  ScopedTempDir dir;
  const std::string path = dir.File("shared.db");
  { OpenOrDie(path); }
  int to_reader[2];
  int to_writer[2];
  ASSERT_EQ(pipe(to_reader), 0);
  ASSERT_EQ(pipe(to_writer), 0);
  const pid_t writer = fork();
  if (writer == 0) {
    auto store = Store::Open(path);
    if (!store.ok()) _exit(3);
    Status status = store.value()->InTransaction([&]() -> Status {
      Status inserted = store.value()->Execute(kInsertOneBatch);
      char signal = 'w';
      if (write(to_reader[1], &signal, 1) != 1) _exit(4);
      if (read(to_writer[0], &signal, 1) != 1) _exit(5);  // wait while the reader reads
      return inserted;
    });
    _exit(status.ok() ? 0 : 6);
  }
  char signal = 0;
  ASSERT_EQ(read(to_reader[0], &signal, 1), 1);  // the writer is inside its transaction
  auto reader = OpenOrDie(path);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(CountRows(*reader, "import_batch"), 0);
  ASSERT_EQ(write(to_writer[1], &signal, 1), 1);
  int status = 0;
  waitpid(writer, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(CountRows(*reader, "import_batch"), 1);
}

std::string JournalMode(Store& store) {
  SqlStatement mode(store, "PRAGMA journal_mode");
  EXPECT_TRUE(mode.Step()) << mode.status().error().ToString();
  return std::string(mode.Text(0));
}

// A first load writes through the rollback journal only while it has the
// file to itself, and leaves the store in WAL again.
TEST(StoreTest, AFirstLoadLeavesWalOnlyWhenAloneAndReturnsToIt) {
  ScopedTempDir dir;
  const std::string path = dir.File("first.db");
  {
    auto alone = OpenOrDie(path);
    ASSERT_NE(alone, nullptr);
    Result<bool> left = alone->LeaveWalForBulkWrite();
    ASSERT_TRUE(left.ok()) << left.error().ToString();
    EXPECT_TRUE(left.value());
    EXPECT_EQ(JournalMode(*alone), "delete");
    ASSERT_TRUE(alone->ReturnToWal().ok());
    EXPECT_EQ(JournalMode(*alone), "wal");
  }
  auto first = OpenOrDie(path);
  auto second = OpenOrDie(path);
  ASSERT_NE(second, nullptr);
  Result<bool> shared = first->LeaveWalForBulkWrite();
  ASSERT_TRUE(shared.ok()) << shared.error().ToString();
  EXPECT_FALSE(shared.value());
  EXPECT_EQ(JournalMode(*first), "wal");
}

// A first load killed after leaving WAL leaves the file in the rollback
// journal (and, mid-transaction, a journal that undoes it): the next open
// rolls it back and puts the store in WAL again.
TEST(StoreTest, AStoreLeftInTheRollbackJournalOpensInWalWithItsCommittedRows) {
  ScopedTempDir dir;
  const std::string path = dir.File("left.db");
  {
    auto loading = OpenOrDie(path);
    ASSERT_NE(loading, nullptr);
    ASSERT_TRUE(loading->LeaveWalForBulkWrite().value());
    ASSERT_TRUE(loading->Execute(kInsertOneBatch).ok());
  }  // closed without ReturnToWal, as a killed import would leave it
  EXPECT_EQ(FirstSqliteValue(path, "PRAGMA journal_mode"), "delete");
  auto reopened = OpenOrDie(path);
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(JournalMode(*reopened), "wal");
  EXPECT_EQ(CountRows(*reopened, "import_batch"), 1);
}

// While a first load writes through the rollback journal, another program
// opening the store waits for it, as it would wait for any writer, rather
// than failing at once (SQLite does not wait to switch journal modes).
TEST(StoreTest, OpeningWaitsForAFirstLoadToCommit) {
  ScopedTempDir dir;
  const std::string path = dir.File("wait.db");
  auto loading = OpenOrDie(path);
  ASSERT_NE(loading, nullptr);
  ASSERT_TRUE(loading->LeaveWalForBulkWrite().value());
  ASSERT_TRUE(loading->Execute("BEGIN IMMEDIATE").ok());
  ASSERT_TRUE(loading->Execute(kInsertOneBatch).ok());
  Result<std::unique_ptr<Store>> waiting = MakeError("not opened");
  std::thread opener([&] { waiting = Store::Open(path); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_TRUE(loading->Execute("COMMIT").ok());
  (void)loading->ReturnToWal();  // may lose the race to the opener; either puts WAL back
  opener.join();
  ASSERT_TRUE(waiting.ok()) << waiting.error().ToString();
  EXPECT_EQ(JournalMode(*waiting.value()), "wal");
  EXPECT_EQ(CountRows(*waiting.value(), "import_batch"), 1);
}

// Opening the store again in a process that holds a connection to it must
// keep that connection's locks: without them another process, closing its
// own connection, takes itself for the last one, checkpoints and deletes the
// write-ahead log the first connection still commits into (the web server
// lost reviews that way when an import ended while it ran).
TEST(StoreTest, OpeningTheStoreAgainKeepsOtherProcessesFromDeletingItsLog) {
  ScopedTempDir dir;
  const std::string path = dir.File("held.db");
  int go[2];
  ASSERT_EQ(pipe(go), 0);
  const pid_t other = fork();  // before this process opens the store
  if (other == 0) {
    close(go[1]);
    char signal = 0;
    if (read(go[0], &signal, 1) != 1) _exit(3);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) _exit(4);
    const int rc = sqlite3_exec(db, "SELECT count(*) FROM import_batch", nullptr, nullptr, nullptr);
    _exit(sqlite3_close(db) == SQLITE_OK && rc == SQLITE_OK ? 0 : 5);
  }
  close(go[0]);
  auto held = OpenOrDie(path);
  const bool written = held != nullptr && held->Execute(kInsertOneBatch).ok();
  { auto again = OpenOrDie(path); }
  struct stat log_before {};
  const bool had_log = stat((path + "-wal").c_str(), &log_before) == 0;
  const char signal = 'g';
  const bool signalled = write(go[1], &signal, 1) == 1;
  close(go[1]);
  int status = 0;
  waitpid(other, &status, 0);
  ASSERT_TRUE(written && had_log && signalled);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  struct stat log_after {};
  ASSERT_EQ(stat((path + "-wal").c_str(), &log_after), 0) << "the other process deleted the log";
  EXPECT_EQ(log_after.st_ino, log_before.st_ino);
}
}  // namespace
}  // namespace clusterpilot
