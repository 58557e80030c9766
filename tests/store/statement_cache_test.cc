// SqlStatement's prepared statements are kept per connection by their SQL
// text (store/statement_cache.h): reused reset and unbound, one per user at
// a time, bounded, and released when the store closes.
#include "store/statement_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

constexpr const char* kInsert = "INSERT INTO cache_probe(x, label) VALUES(?, ?)";
constexpr const char* kSelect = "SELECT x, label FROM cache_probe WHERE x >= ? ORDER BY x";

std::unique_ptr<Store> ProbeStore(const std::string& location) {
  auto store = Store::Open(location);
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  EXPECT_TRUE(store.value()->Execute("CREATE TABLE cache_probe(x INTEGER, label TEXT)").ok());
  return std::move(store.value());
}

// What the select returns from `from` on, as "x:label" pairs.
std::string Rows(Store& store, int64_t from) {
  SqlStatement select(store, kSelect);
  select.BindInt(1, from);
  std::string rows;
  while (select.Step()) {
    rows += std::to_string(select.Int(0)) + ":" +
            (select.IsNull(1) ? "null" : std::string(select.Text(1))) + " ";
  }
  EXPECT_TRUE(select.status().ok()) << select.status().error().ToString();
  return rows;
}

TEST(StatementCacheTest, AReusedStatementKeepsNoBindingsOfItsLastUse) {
  ScopedTempDir dir;
  auto store = ProbeStore(TestStoreLocation(dir));
  {
    SqlStatement insert(*store, kInsert);
    insert.BindInt(1, 1);
    insert.BindText(2, "first");
    ASSERT_TRUE(insert.Run().ok());
  }
  {
    SqlStatement insert(*store, kInsert);  // the same text: the kept statement
    insert.BindInt(1, 2);
    ASSERT_TRUE(insert.Run().ok());
  }
  EXPECT_EQ(Rows(*store, 0), "1:first 2:null ");
  EXPECT_EQ(Rows(*store, 2), "2:null ");
}

TEST(StatementCacheTest, TheSameTextNestedGetsTwoStatements) {
  ScopedTempDir dir;
  auto store = ProbeStore(TestStoreLocation(dir));
  for (int x = 1; x <= 3; ++x) {
    SqlStatement insert(*store, kInsert);
    insert.BindInt(1, x);
    insert.BindText(2, "r" + std::to_string(x));
    ASSERT_TRUE(insert.Run().ok());
  }
  SqlStatement outer(*store, kSelect);
  outer.BindInt(1, 1);
  std::string seen;
  while (outer.Step())
    seen += std::to_string(outer.Int(0)) + "[" + Rows(*store, outer.Int(0)) + "]";
  EXPECT_EQ(seen, "1[1:r1 2:r2 3:r3 ]2[2:r2 3:r3 ]3[3:r3 ]");
}

TEST(StatementCacheTest, StatementsAreKeptWhileUnused) {
  if (TestsUsePostgresql()) GTEST_SKIP() << "the cache holds SQLite statements";
  ScopedTempDir dir;
  auto store = ProbeStore(TestStoreLocation(dir));
  EXPECT_EQ(Rows(*store, 0), "");
  const size_t kept = store->statements().size();
  EXPECT_GE(kept, 1u);
  {
    SqlStatement select(*store, kSelect);  // taken out while in use
    EXPECT_EQ(store->statements().size(), kept - 1);
  }
  EXPECT_EQ(store->statements().size(), kept);
}

// Past the bound the kept statements are dropped (PostgreSQL: deallocated
// on the server), and statements made afterwards still run.
TEST(StatementCacheTest, ManyDifferentStatementsStayWithinTheBound) {
  ScopedTempDir dir;
  auto store = ProbeStore(TestStoreLocation(dir));
  for (size_t round = 0; round < 2; ++round) {
    for (size_t i = 0; i < kMaxCachedStatements + 10; ++i) {
      SqlStatement select(*store, "SELECT " + std::to_string(i) + " + ?");
      select.BindInt(1, static_cast<int64_t>(round));
      ASSERT_TRUE(select.Step()) << select.status().error().ToString();
      EXPECT_EQ(select.Int(0), static_cast<int64_t>(i + round));
    }
  }
  EXPECT_LE(store->statements().size(), kMaxCachedStatements);
  EXPECT_EQ(Rows(*store, 0), "");
}

TEST(StatementCacheTest, AFailedStatementIsNotKept) {
  if (TestsUsePostgresql()) GTEST_SKIP() << "the cache holds SQLite statements";
  ScopedTempDir dir;
  auto store = ProbeStore(TestStoreLocation(dir));
  ASSERT_TRUE(store->Execute("CREATE UNIQUE INDEX cache_probe_x ON cache_probe(x)").ok());
  const size_t before = store->statements().size();
  for (int attempt = 0; attempt < 2; ++attempt) {
    SqlStatement insert(*store, kInsert);
    insert.BindInt(1, 7);
    EXPECT_EQ(insert.Run().ok(), attempt == 0);
  }
  EXPECT_EQ(store->statements().size(), before);  // the statement that failed was dropped
  SqlStatement broken(*store, "SELECT no_such_column FROM cache_probe");
  EXPECT_FALSE(broken.status().ok());
}

// A statement left open keeps SQLite's connection from closing, and with it
// the write-ahead log that the last connection removes.
TEST(StatementCacheTest, ClosingTheStoreReleasesItsStatements) {
  ScopedTempDir dir;
  const std::string path = dir.File("store.db");  // looks at SQLite's own files
  {
    auto store = ProbeStore(path);
    SqlStatement insert(*store, kInsert);
    insert.BindInt(1, 1);
    ASSERT_TRUE(insert.Run().ok());
    EXPECT_EQ(Rows(*store, 0), "1:null ");
    ASSERT_TRUE(std::filesystem::exists(path + "-wal"));
  }
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

// The store's functions may keep a statement in an object that outlives the
// Store (a writer destroyed after it); SQLite closes the connection when that
// statement is finalized.
TEST(StatementCacheTest, AStatementOutlivingItsStoreIsFinalized) {
  ScopedTempDir dir;
  const std::string path = dir.File("store.db");  // looks at SQLite's own files
  std::unique_ptr<SqlStatement> insert;
  {
    auto store = ProbeStore(path);
    insert = std::make_unique<SqlStatement>(*store, kInsert);
    insert->BindInt(1, 1);
    ASSERT_TRUE(insert->Run().ok());
  }
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));  // still open through the statement
  insert.reset();
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

}  // namespace
}  // namespace clusterpilot
