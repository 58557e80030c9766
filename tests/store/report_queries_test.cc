#include "store/report_queries.h"

#include <gtest/gtest.h>

#include "store/assignment_listing.h"
#include "store/care_coordination.h"
#include "store/month_snapshot.h"
#include "store/month_summary.h"
#include "store/rating_lookup.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

// Tables that hold a row per model, per classify run or per department: they
// stay small however long the history, so reading them whole is fine.
const std::vector<std::string> kSmallTables = {"cluster_model", "cluster_model_use",
                                               "measurement_department", "month_summary"};

class ReportQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::Open(TestStoreLocation(dir_)).value();
    std::vector<Measurement> measurements = {
        MakeMeasurement("P1", "A", "2026-03-01", Supercluster::kNonPsychotic, {{7, 2}}),
        MakeMeasurement("P2", "B", "2026-04-02", Supercluster::kPsychotic, {{6, 3}})};
    SeedMeasurements(*store_, &measurements);
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReportQueriesTest, NoReportQueryScansMeasurementsOrClassifications) {
  const std::vector<std::string> queries = ReportQueries(store_->dialect());
  ASSERT_EQ(queries.size(), MonthSnapshotQueries(store_->dialect()).size() + 1 +
                                RatingLookupQueries().size() + CareCoordinationQueries().size() +
                                MonthSummaryQueries().size());
  for (const std::string& sql : queries) {
    Result<std::vector<std::string>> scans = FullScans(*store_, sql, kSmallTables);
    ASSERT_TRUE(scans.ok()) << scans.error().ToString();
    EXPECT_EQ(scans.value(), std::vector<std::string>()) << sql;
  }
}

// The clinicians' work list of a month, a department or both reads those
// rows through an index; only the listing of everything reads everything.
TEST_F(ReportQueriesTest, TheWorkListOfAMonthOrADepartmentScansNoMeasurements) {
  const CalendarMonth march(2026, 3);
  for (const AssignmentFilter& filter :
       {AssignmentFilter{march, ""}, AssignmentFilter{{}, "A"}, AssignmentFilter{march, "A"}}) {
    const std::string sql = AssignmentQuery(filter, store_->dialect());
    Result<std::vector<std::string>> scans = FullScans(*store_, sql, kSmallTables);
    ASSERT_TRUE(scans.ok()) << scans.error().ToString();
    EXPECT_EQ(scans.value(), std::vector<std::string>()) << sql;
  }
  Result<std::vector<std::string>> everything =
      FullScans(*store_, AssignmentQuery(AssignmentFilter{}, store_->dialect()), kSmallTables);
  ASSERT_TRUE(everything.ok());
  // PostgreSQL may hash-join all overrides for it as well: everything is asked.
  ASSERT_GE(everything.value().size(), 1u);
  ASSERT_LE(everything.value().size(), TestsUsePostgresql() ? 2u : 1u)
      << testing::PrintToString(everything.value());
  EXPECT_EQ(everything.value().front().rfind("SCAN m", 0), 0u) << everything.value().front();
}

// The check itself can fail: a query with no index to use is caught.
TEST_F(ReportQueriesTest, FindsAScanOfTheMeasurementTable) {
  Result<std::vector<std::string>> scans =
      FullScans(*store_, "SELECT hv01 FROM measurement WHERE clinician = ?1", kSmallTables);
  ASSERT_TRUE(scans.ok());
  EXPECT_EQ(scans.value(), std::vector<std::string>{"SCAN measurement"});
}

// The trends read eleven months besides the report's own (issue 14): each
// through the rating-date index, clusters only; without the index the check
// catches the scan.
TEST_F(ReportQueriesTest, TheTrendsReadEachMonthThroughTheDateIndex) {
  const std::string sql = MonthSnapshotQueries(store_->dialect()).back();
  ASSERT_EQ(sql.find("hv01"), std::string::npos) << "clusters only: " << sql;
  Result<std::vector<std::string>> scans = FullScans(*store_, sql, kSmallTables);
  ASSERT_TRUE(scans.ok()) << scans.error().ToString();
  EXPECT_EQ(scans.value(), std::vector<std::string>()) << sql;
  // Without the index PostgreSQL still searches the department index by its
  // rating_date column, which its plan does not tell apart from a range (see
  // the test below); the scan half of the check is SQLite's.
  if (TestsUsePostgresql()) return;
  ASSERT_TRUE(store_->Execute("DROP INDEX measurement_by_date").ok());
  Result<std::vector<std::string>> unindexed = FullScans(*store_, sql, kSmallTables);
  ASSERT_TRUE(unindexed.ok());
  ASSERT_EQ(unindexed.value().size(), 1u);
  EXPECT_EQ(unindexed.value().front().rfind("SCAN dated", 0), 0u) << unindexed.value().front();
}

// Without the rating-date index the month's own query would read every
// measurement ever stored; the check names that step.
TEST_F(ReportQueriesTest, FindsTheMonthQueryScanningWithoutTheDateIndex) {
  // PostgreSQL can still search the other indexes by rating_date as a later
  // column (an Index Cond over the whole index), which its plan does not
  // tell apart from a range; the SQLite form of the check catches this.
  if (TestsUsePostgresql()) GTEST_SKIP() << "SQLite's planner only";
  ASSERT_TRUE(store_->Execute("DROP INDEX measurement_by_date").ok());
  Result<std::vector<std::string>> scans =
      FullScans(*store_, MonthSnapshotQueries(store_->dialect()).front(), kSmallTables);
  ASSERT_TRUE(scans.ok());
  EXPECT_EQ(scans.value().size(), 1u);
  EXPECT_EQ(scans.value().front().rfind("SCAN dated", 0), 0u) << scans.value().front();
}

TEST_F(ReportQueriesTest, SqlThatDoesNotPrepareIsAnError) {
  Result<std::vector<std::string>> scans =
      FullScans(*store_, "SELECT hv01 FROM nowhere", kSmallTables);
  ASSERT_FALSE(scans.ok());
  EXPECT_EQ(scans.error().message, TestsUsePostgresql()
                                       ? "database error: relation \"nowhere\" does not exist"
                                       : "database error: no such table: nowhere");
}

}  // namespace
}  // namespace clusterpilot
