#include "store/latest_ratings.h"

#include <gtest/gtest.h>

#include "store/report_queries.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

class LatestRatingsTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(Store::Open(TestStoreLocation(dir_))).value();
    std::vector<Measurement> measurements = {
        Rated("P1", "A", "2026-01-10", "dr. a"), Rated("P1", "B", "2026-03-02", "dr. b"),
        Rated("P2", "A", "2026-02-01", "dr. a"), Rated("P2", "A", "2026-04-01", "dr. b"),
        Rated("P3", "B", "2026-02-15", "dr. a")};
    SeedMeasurements(*store_, &measurements);
  }

  static Measurement Rated(const std::string& patient, const std::string& department,
                           const std::string& date, const std::string& clinician) {
    Measurement measurement =
        MakeMeasurement(patient, department, date, Supercluster::kNonPsychotic, {});
    measurement.clinician = clinician;
    return measurement;
  }

  // "patient department date" of each latest rating the filter keeps.
  std::vector<std::string> Latest(const std::string& department, const std::string& clinician) {
    Result<std::vector<LatestRating>> ratings =
        ReadLatestRatings(*store_, LatestRatingFilter{department, clinician});
    EXPECT_TRUE(ratings.ok()) << ratings.error().ToString();
    std::vector<std::string> lines;
    if (!ratings.ok()) return lines;
    for (const LatestRating& rating : ratings.value()) {
      lines.push_back(rating.patient_id + " " + rating.department + " " + rating.rating_date);
    }
    return lines;
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
};

// Each shape of the filter is its own query; all four must agree with the
// definition: a patient rated later elsewhere leaves the department.
TEST_F(LatestRatingsTest, EachShapeOfTheFilterKeepsThePatientsWhoseLatestRatingMatches) {
  EXPECT_EQ(Latest("", ""),
            (std::vector<std::string>{"P1 B 2026-03-02", "P2 A 2026-04-01", "P3 B 2026-02-15"}));
  EXPECT_EQ(Latest("A", ""), (std::vector<std::string>{"P2 A 2026-04-01"}));
  EXPECT_EQ(Latest("B", ""), (std::vector<std::string>{"P1 B 2026-03-02", "P3 B 2026-02-15"}));
  EXPECT_EQ(Latest("", "dr. a"), (std::vector<std::string>{"P3 B 2026-02-15"}));
  EXPECT_EQ(Latest("B", "dr. b"), (std::vector<std::string>{"P1 B 2026-03-02"}));
  EXPECT_EQ(Latest("A", "dr. a"), (std::vector<std::string>{}));
}

// One department's due list reads that department's range of the index on
// (department, rating_date, patient_id), from the index alone; only the
// whole store's list reads every patient. Reading k, the department's own
// candidates, and the handful of classify runs whole is fine.
const std::vector<std::string> kReadWhole = {"k", "cluster_model_use"};

TEST_F(LatestRatingsTest, ADepartmentsDueListSearchesTheDepartmentsIndexRange) {
  if (store_->dialect() != SqlDialect::kSqlite) GTEST_SKIP() << "asks SQLite's query planner";
  for (const LatestRatingFilter& filter : {LatestRatingFilter{"A", ""}, {"A", "dr. a"}}) {
    const std::string sql = LatestRatingsQuery(filter);
    Result<std::vector<std::string>> scans = FullScans(*store_, sql, kReadWhole);
    ASSERT_TRUE(scans.ok()) << scans.error().ToString();
    EXPECT_EQ(scans.value(), std::vector<std::string>()) << sql;
    SqlStatement explain(*store_, "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (explain.Step()) plan += std::string(explain.Text(3)) + "\n";
    EXPECT_NE(plan.find("SEARCH measurement USING COVERING INDEX measurement_by_department_date "
                        "(department=?)"),
              std::string::npos)
        << plan;
  }
  Result<std::vector<std::string>> everyone =
      FullScans(*store_, LatestRatingsQuery(LatestRatingFilter{}), kReadWhole);
  ASSERT_TRUE(everyone.ok());
  EXPECT_FALSE(everyone.value().empty());
}

}  // namespace
}  // namespace clusterpilot
