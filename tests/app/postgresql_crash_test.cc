// Crash safety and concurrency on a PostgreSQL store, with the real binary:
// an import killed with SIGKILL at random moments leaves the state before
// or the state after, and two imports and a classify run at once give the
// counts they give one after the other. Runs only when the tests have a
// server (CLUSTERPILOT_TEST_POSTGRES_URL, see scripts/postgres-test-server.sh).
//
// 12 kills by default (seconds in CI); CLUSTERPILOT_PG_KILLS=30 or more for the full run.
#include <gtest/gtest.h>

#include <cstdlib>
#include <future>
#include <iostream>

#include "store/sql_statement.h"
#include "store/store.h"
#include "store/table_catalog.h"
#include "store/table_content.h"
#include "tests/app/kill_harness.h"
#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

// Columns that hold a clock time or a hash over one differ between two runs
// of the same command, as in DumpStore.
bool IsMasked(const std::string& column) {
  return column == "at" || column.ends_with("_at") ||
         (column.find("hash") != std::string::npos && column != "content_hash");
}

// Every table's row count and content hash over its unmasked columns.
std::string StoreState(const std::string& url) {
  auto store = Store::Open(url, Store::OpenMode::kMustExist);
  if (!store.ok()) return "cannot open: " + store.error().ToString();
  auto tables = ReadTableCatalog(*store.value());
  if (!tables.ok()) return "no catalogue: " + tables.error().ToString();
  std::string state;
  for (StoreTable table : tables.value()) {
    std::erase_if(table.columns, [](const StoreColumn& column) { return IsMasked(column.name); });
    auto content = ReadTableContent(*store.value(), table);
    state += table.name + " " +
             (content.ok() ? std::to_string(content.value().rows) + " " + content.value().hash
                           : content.error().ToString()) +
             "\n";
  }
  return state;
}

// The URL of a database on the same server named `name`.
std::string WithDatabase(const std::string& url, const std::string& name) {
  return url.substr(0, url.rfind('/') + 1) + name;
}

std::string DatabaseName(const std::string& url) { return url.substr(url.rfind('/') + 1); }

int KillCount() {
  const char* kills = std::getenv("CLUSTERPILOT_PG_KILLS");
  return kills != nullptr && std::atoi(kills) > 0 ? std::atoi(kills) : 12;
}

int64_t Count(Store& store, const std::string& sql) {
  SqlStatement count(store, sql);
  const int64_t value = count.Step() ? count.Int(0) : -1;
  EXPECT_TRUE(count.status().ok()) << count.status().error().ToString();
  return value;
}

class PostgresqlCrashTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!TestsUsePostgresql()) GTEST_SKIP() << "needs CLUSTERPILOT_TEST_POSTGRES_URL";
    ASSERT_EQ(RunClusterpilot({"generate", "--patients", "300", "--months", "3", "--seed", "11",
                               "--end-month", "2026-09", "--out", export_csv_})
                  .exit_code,
              0);
  }

  // A new database holding a copy of `template_url`'s (which nobody may be
  // connected to), made by the server in one statement.
  std::string CopyOf(const std::string& template_url, int run) {
    const std::string name = DatabaseName(template_url) + "_run" + std::to_string(run);
    Status made = admin_->Execute("CREATE DATABASE \"" + name + "\" TEMPLATE \"" +
                                  DatabaseName(template_url) + "\"");
    EXPECT_TRUE(made.ok()) << made.error().ToString();
    return WithDatabase(template_url, name);
  }

  void OpenAdmin() {
    auto admin = Store::Open(TestStoreLocation(dir_));
    ASSERT_TRUE(admin.ok()) << admin.error().ToString();
    admin_ = std::move(admin).value();
  }

  ScopedTempDir dir_;
  const std::string export_csv_ = dir_.File("export.csv");
  std::unique_ptr<Store> admin_;  // a connection for CREATE DATABASE
};

TEST_F(PostgresqlCrashTest, ImportKilledAtRandomMomentsLeavesTheStoreBeforeOrAfter) {
  OpenAdmin();
  // The store already holds a small import, so "before" is not empty.
  const std::string before_url = TestStoreLocation(dir_);
  WriteFile(dir_.File("first.csv"), ReadFile(export_csv_).substr(0, 2000));
  CommandOutcome first = RunClusterpilot({"import", "--db", before_url, dir_.File("first.csv")});
  ASSERT_LE(first.exit_code, 1) << first.err;  // the cut last row may be rejected
  const std::string before = StoreState(before_url);

  const std::string full_url = CopyOf(before_url, 0);
  const std::vector<std::string> full = {"import", "--db", full_url, "--by", "fin01", export_csv_};
  std::chrono::microseconds window = TimeFullRun(full);
  const std::string after = StoreState(full_url);
  ASSERT_NE(before, after) << "the import changed nothing: the test is void";

  KillTally tally;
  const int kills = KillCount();
  for (int run = 1; run <= kills * 3 && tally.kill_points() < kills; ++run) {
    const std::string url = CopyOf(before_url, run);
    const KillOutcome outcome = RunAndKillAfter(
        {"import", "--db", url, "--by", "fin01", export_csv_}, RandomKillMoment(window));
    const std::string state = StoreState(url);
    if (outcome == KillOutcome::kFinished) {
      ++tally.finished;
      window = window * 9 / 10;
      EXPECT_EQ(state, after) << "run " << run << " ended by itself";
    } else if (state == before) {
      ++tally.killed_before;
    } else {
      ++tally.killed_after;
      EXPECT_EQ(state, after) << "run " << run << " left neither the state before nor after";
    }
    if (HasFailure()) break;
  }
  EXPECT_EQ(tally.kill_points(), kills) << tally.ToString();
  std::cout << "[ kills    ] import on PostgreSQL at random moments: " << tally.ToString()
            << std::endl;
}

TEST_F(PostgresqlCrashTest, TwoImportsAndAClassifyAtOnceGiveExactCounts) {
  const std::string second_csv = dir_.File("second.csv");
  ASSERT_EQ(RunClusterpilot({"generate", "--patients", "300", "--months", "3", "--seed", "12",
                             "--end-month", "2026-09", "--out", second_csv})
                .exit_code,
            0);
  // The reference: the same work one command after the other.
  const std::string serial = TestStoreLocation(dir_);
  for (const std::string& file : {export_csv_, second_csv}) {
    ASSERT_LE(RunClusterpilot({"import", "--db", serial, file}).exit_code, 1);
  }
  ASSERT_EQ(RunClusterpilot({"classify", "--db", serial}).exit_code, 0);

  const std::string url = TestStoreLocation(dir_);
  ASSERT_TRUE(Store::Open(url).ok());  // the schema, before the three race to make it
  auto run = [&](std::vector<std::string> arguments) {
    return std::async(std::launch::async, [arguments] { return RunClusterpilot(arguments); });
  };
  auto first = run({"import", "--db", url, export_csv_});
  auto second = run({"import", "--db", url, second_csv});
  auto classify = run({"classify", "--db", url});
  EXPECT_LE(first.get().exit_code, 1);
  EXPECT_LE(second.get().exit_code, 1);
  CommandOutcome classified = classify.get();
  EXPECT_EQ(classified.exit_code, 0) << classified.err;
  // What the concurrent classify missed, a second one finds; no measurement
  // is classified twice (classification's UNIQUE key) or lost.
  ASSERT_EQ(RunClusterpilot({"classify", "--db", url}).exit_code, 0);

  auto together = Store::Open(url, Store::OpenMode::kMustExist);
  auto apart = Store::Open(serial, Store::OpenMode::kMustExist);
  ASSERT_TRUE(together.ok() && apart.ok());
  for (const char* sql :
       {"SELECT count(*) FROM measurement", "SELECT count(*) FROM rejected_row",
        "SELECT count(*) FROM current_classification", "SELECT sum(rows_stored) FROM import_batch",
        "SELECT sum(rows_skipped) FROM import_batch", "SELECT sum(rows_conflict) FROM import_batch",
        "SELECT sum(rows_rejected) FROM import_batch"}) {
    EXPECT_EQ(Count(*together.value(), sql), Count(*apart.value(), sql)) << sql;
  }
  EXPECT_EQ(Count(*together.value(), "SELECT count(*) FROM current_classification"),
            Count(*together.value(), "SELECT count(*) FROM measurement"));
  EXPECT_GT(Count(*together.value(), "SELECT count(*) FROM measurement"), 500);
}

}  // namespace
}  // namespace clusterpilot
