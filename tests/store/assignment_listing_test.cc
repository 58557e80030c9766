#include "store/assignment_listing.h"

#include <gtest/gtest.h>

#include "core/cluster_assignment.h"
#include "store/classification_table.h"
#include "store/override_table.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

class AssignmentListingTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(Store::Open(TestStoreLocation(dir_))).value();
    measurements_ = {
        MakeMeasurement("P2", "Psychosomatiek", "2026-03-05", Supercluster::kNonPsychotic, {}),
        MakeMeasurement("P1", "Psychosomatiek", "2026-03-05", Supercluster::kNonPsychotic, {}),
        MakeMeasurement("P3", "Ouderen", "2026-03-31", Supercluster::kOrganic, {}),
        MakeMeasurement("P1", "Psychosomatiek", "2026-04-01", Supercluster::kNone, {})};
    SeedMeasurements(*store_, &measurements_);
    const int64_t first = RegisterClusterModel(*store_, "m", "1", "h").value().id;
    const int64_t second = RegisterClusterModel(*store_, "m", "2", "h").value().id;
    ClassificationWriter old_writer(*store_, first, "t1");
    ASSERT_TRUE(old_writer.Write({measurements_[0].id, 3, 0.5, "3:0.5000", 0, "", "old"}).ok());
    ClassificationWriter writer(*store_, second, "t2");
    ASSERT_TRUE(writer
                    .Write({measurements_[0].id, 4, 0.75, "4:0.7500;5:0.2500",
                            kFlagAmbiguous | kFlagAtypical, "close\nunusual", "why"})
                    .ok());
    ASSERT_TRUE(writer.Write({measurements_[2].id, 0, 0, "", kFlagNoFit, "excluded", ""}).ok());
    ASSERT_TRUE(RecordOverride(*store_, measurements_[0].id, 6, "first", "a").ok());
    ASSERT_TRUE(RecordOverride(*store_, measurements_[0].id, 5, "second", "b").ok());
  }

  std::vector<AssignmentRow> Read(AssignmentFilter filter) {
    Result<std::vector<AssignmentRow>> rows = ReadAssignments(*store_, filter);
    EXPECT_TRUE(rows.ok()) << rows.error().ToString();
    return rows.ok() ? rows.value() : std::vector<AssignmentRow>{};
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Measurement> measurements_;
};

TEST_F(AssignmentListingTest, ListsTheLatestClassificationAndOverridePerMeasurement) {
  const std::vector<AssignmentRow> rows = Read({CalendarMonth(2026, 3), ""});
  ASSERT_EQ(rows.size(), 3u);
  // Ordered by department, date, patient.
  EXPECT_EQ(rows[0].patient_id, "P3");
  EXPECT_EQ(rows[1].patient_id, "P1");
  EXPECT_EQ(rows[2].patient_id, "P2");

  const AssignmentRow& classified = rows[2];
  EXPECT_EQ(classified.measurement_id, measurements_[0].id);
  EXPECT_EQ(classified.department, "Psychosomatiek");
  EXPECT_EQ(classified.rating_date, "2026-03-05");
  EXPECT_EQ(classified.clinician, "dr. test");
  EXPECT_EQ(classified.supercluster, Supercluster::kNonPsychotic);
  EXPECT_TRUE(classified.classified);
  EXPECT_EQ(classified.model_version, "2");
  EXPECT_EQ(classified.cluster, 4);
  EXPECT_DOUBLE_EQ(classified.probability, 0.75);
  EXPECT_EQ(classified.probabilities, "4:0.7500;5:0.2500");
  EXPECT_EQ(classified.flags, kFlagAmbiguous | kFlagAtypical);
  EXPECT_EQ(classified.flag_reasons, "close\nunusual");
  EXPECT_EQ(classified.explanation, "why");
  ASSERT_TRUE(classified.clinician_override.has_value());
  EXPECT_EQ(classified.clinician_override->cluster, 5);
  EXPECT_EQ(classified.clinician_override->reason, "second");
  EXPECT_EQ(classified.FinalCluster(), 5);

  EXPECT_FALSE(rows[1].classified);
  EXPECT_EQ(rows[1].FinalCluster(), 0);
  EXPECT_TRUE(rows[0].classified);
  EXPECT_EQ(rows[0].cluster, 0);
  EXPECT_EQ(rows[0].flags, kFlagNoFit);
  EXPECT_FALSE(rows[0].clinician_override.has_value());
}

TEST_F(AssignmentListingTest, FiltersByMonthAndDepartment) {
  EXPECT_EQ(Read({}).size(), 4u);
  // A month is [its first day, the next month's first day): 31 March is in
  // March, 1 April is not.
  EXPECT_EQ(Read({CalendarMonth(2026, 3), ""}).size(), 3u);
  EXPECT_EQ(Read({CalendarMonth(2026, 4), ""}).size(), 1u);
  EXPECT_EQ(Read({CalendarMonth(2026, 2), ""}).size(), 0u);
  EXPECT_EQ(Read({CalendarMonth(2026, 3), "Ouderen"}).size(), 1u);
  EXPECT_EQ(Read({std::nullopt, "Psychosomatiek"}).size(), 3u);
  EXPECT_EQ(Read({std::nullopt, "psychosomatiek"}).size(), 0u);
}

// The worklist's question, one department's month, searches the index on
// (department, rating_date): the rows read are that month's, not the
// department's whole history. Without a department the month index serves.
TEST_F(AssignmentListingTest, OneDepartmentsMonthSearchesItsIndexRange) {
  if (store_->dialect() != SqlDialect::kSqlite) GTEST_SKIP() << "asks SQLite's query planner";
  const auto plan = [&](const AssignmentFilter& filter) {
    SqlStatement explain(*store_,
                         "EXPLAIN QUERY PLAN " + AssignmentQuery(filter, store_->dialect()));
    std::string lines;
    while (explain.Step()) lines += std::string(explain.Text(3)) + "\n";
    EXPECT_TRUE(explain.status().ok());
    return lines;
  };
  const CalendarMonth march = CalendarMonth::Parse("2026-03").value();
  const std::string department_month = plan({march, "Psychosomatiek"});
  EXPECT_NE(department_month.find("SEARCH m USING INDEX measurement_by_department_date "
                                  "(department=? AND rating_date>? AND rating_date<?)"),
            std::string::npos)
      << department_month;
  EXPECT_EQ(department_month.find("SCAN m"), std::string::npos) << department_month;
  const std::string month = plan({march, ""});
  EXPECT_NE(
      month.find("SEARCH m USING INDEX measurement_by_date (rating_date>? AND rating_date<?)"),
      std::string::npos)
      << month;
}

}  // namespace
}  // namespace clusterpilot
