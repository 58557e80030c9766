// The PostgreSQL store against a real server (scripts/test.sh starts one and
// sets CLUSTERPILOT_TEST_POSTGRES_URL); without one only the checks that need
// no server run.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/postgresql_schema.h"
#include "store/schema_migrations.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

#define SKIP_WITHOUT_POSTGRESQL() \
  if (!TestsUsePostgresql()) GTEST_SKIP() << "CLUSTERPILOT_TEST_POSTGRES_URL unset"

std::vector<std::string> Rows(Store& store, const std::string& sql) {
  SqlStatement select(store, sql);
  std::vector<std::string> rows;
  while (select.Step()) rows.emplace_back(select.Text(0));
  EXPECT_TRUE(select.status().ok()) << select.status().error().ToString();
  return rows;
}

TEST(PostgresqlStoreTest, EveryMigrationAfterTheBaseHasAPostgresqlForm) {
  for (int version = kPostgresqlBaseVersion + 1; version <= kCurrentSchemaVersion; ++version) {
    EXPECT_FALSE(PostgresqlMigrationSql(version).empty())
        << "schema version " << version
        << " has no PostgreSQL form in store/schema_migrations.cc (kPostgresqlMigrations)";
  }
}

TEST(PostgresqlStoreTest, ANewDatabaseStartsAtTheCurrentVersion) {
  SKIP_WITHOUT_POSTGRESQL();
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir));
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  EXPECT_EQ(store.value()->dialect(), SqlDialect::kPostgresql);
  EXPECT_EQ(store.value()->schema_version(), kCurrentSchemaVersion);
}

TEST(PostgresqlStoreTest, HasTheTablesColumnsAndIndexesOfAnSqliteStore) {
  SKIP_WITHOUT_POSTGRESQL();
  ScopedTempDir dir;
  auto sqlite = Store::Open(dir.File("file.db"));  // SQLite on purpose: the reference
  auto postgresql = Store::Open(TestStoreLocation(dir));
  ASSERT_TRUE(sqlite.ok() && postgresql.ok());
  EXPECT_EQ(Rows(*postgresql.value(),
                 "SELECT table_name || '.' || column_name FROM information_schema.columns "
                 "WHERE table_schema = current_schema() AND table_name <> 'clusterpilot_schema' "
                 "ORDER BY table_name, ordinal_position"),
            Rows(*sqlite.value(),
                 "SELECT m.name || '.' || c.name FROM sqlite_schema m, pragma_table_info(m.name) c "
                 "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite%' "
                 "ORDER BY m.name, c.cid"));
  EXPECT_EQ(Rows(*postgresql.value(),
                 "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                 "AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname"),
            Rows(*sqlite.value(),
                 "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                 "ORDER BY name"));
}

TEST(PostgresqlStoreTest, ANewerStoreIsRefusedAndLeftUnchanged) {
  SKIP_WITHOUT_POSTGRESQL();
  ScopedTempDir dir;
  const std::string url = TestStoreLocation(dir);
  {
    auto store = Store::Open(url);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()->Execute("UPDATE clusterpilot_schema SET version = 99").ok());
  }
  auto reopened = Store::Open(url);
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.error().ToString(),
            url +
                ": was made by a newer clusterpilot (store version 99; this program knows up "
                "to " +
                std::to_string(kCurrentSchemaVersion) +
                "). Update clusterpilot; the database was left unchanged");
}

TEST(PostgresqlStoreTest, ADatabaseOfAnotherApplicationIsRefused) {
  SKIP_WITHOUT_POSTGRESQL();
  ScopedTempDir dir;
  const std::string url = TestStoreLocation(dir);
  {
    auto store = Store::Open(url);
    ASSERT_TRUE(store.ok());
    // Make it look like someone else's: drop ours, leave one foreign table.
    ASSERT_TRUE(store.value()
                    ->Execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; "
                              "CREATE TABLE patients (id INTEGER)")
                    .ok());
  }
  auto refused = Store::Open(url);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().ToString(),
            url +
                ": is not a clusterpilot store (the database holds other tables); the database "
                "was left unchanged");
}

TEST(PostgresqlStoreTest, AnEmptyDatabaseIsNoStoreForCommandsThatRead) {
  SKIP_WITHOUT_POSTGRESQL();
  ScopedTempDir dir;
  const std::string url = TestStoreLocation(dir);
  auto store = Store::Open(url, Store::OpenMode::kMustExist);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().ToString(),
            url + ": no store here yet; import an export first (clusterpilot import --db " + url +
                " FILE)");
}

TEST(PostgresqlStoreTest, AServerThatIsNotThereIsNamedWithoutPassword) {
  auto store = Store::Open("postgresql://ana@127.0.0.1:1/pilot");
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(store.error().ToString().starts_with(
      "postgresql://ana@127.0.0.1:1/pilot: cannot connect: connection to server at "
      "\"127.0.0.1\", port 1 failed: Connection refused"))
      << store.error().ToString();
}

TEST(PostgresqlStoreTest, WritersTakeTurnsAndSavepointsNest) {
  SKIP_WITHOUT_POSTGRESQL();
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir));
  ASSERT_TRUE(store.ok());
  Store& s = *store.value();
  Status outer = s.InTransaction([&]() -> Status {
    Status inner = s.InTransaction([&]() -> Status {
      SqlStatement insert(s, "INSERT INTO measurement_department(name) VALUES(?)");
      insert.BindText(1, "Zuid");
      Status run = insert.Run();
      if (!run.ok()) return run;
      return MakeError("undo the inner work only");
    });
    EXPECT_EQ(inner.error().message, "undo the inner work only");
    SqlStatement insert(s, "INSERT OR IGNORE INTO measurement_department(name) VALUES(?)");
    insert.BindText(1, "Noord");
    return insert.Run();
  });
  ASSERT_TRUE(outer.ok()) << outer.error().ToString();
  EXPECT_EQ(Rows(s, "SELECT name FROM measurement_department"), std::vector<std::string>{"Noord"});
}

TEST(PostgresqlStoreTest, ErrorsNameTheStoreAndSayWhatPostgresqlSaid) {
  SKIP_WITHOUT_POSTGRESQL();
  ScopedTempDir dir;
  const std::string url = TestStoreLocation(dir);
  auto store = Store::Open(url);
  ASSERT_TRUE(store.ok());
  SqlStatement select(*store.value(), "SELECT nothing FROM measurement");
  EXPECT_FALSE(select.Step());
  EXPECT_EQ(select.status().error().ToString(),
            url + ": database error: column \"nothing\" does not exist");
}

}  // namespace
}  // namespace clusterpilot
