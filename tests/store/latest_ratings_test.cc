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
    Seed({Rated("P1", "A", "2026-01-10", "dr. a"), Rated("P1", "B", "2026-03-02", "dr. b"),
          Rated("P2", "A", "2026-02-01", "dr. a"), Rated("P2", "A", "2026-04-01", "dr. b"),
          Rated("P3", "B", "2026-02-15", "dr. a")});
    // Built as the first due list would build it: the tests' later batches
    // are then kept by the import.
    Status built = BuildLatestRatingsIfMissing(*store_);
    ASSERT_TRUE(built.ok()) << built.error().ToString();
  }

  static Measurement Rated(const std::string& patient, const std::string& department,
                           const std::string& date, const std::string& clinician) {
    Measurement measurement =
        MakeMeasurement(patient, department, date, Supercluster::kNonPsychotic, {});
    measurement.clinician = clinician;
    return measurement;
  }

  void Seed(std::vector<Measurement> measurements) { SeedMeasurements(*store_, &measurements); }

  int64_t Count(const std::string& sql) {
    SqlStatement select(*store_, sql);
    return select.Step() ? select.Int(0) : -1;
  }

  // "patient department date" of each latest rating the filter keeps.
  std::vector<std::string> Latest(const std::string& department, const std::string& clinician,
                                  const std::string& rated_on_or_before = "") {
    std::vector<std::string> lines;
    Status read = ForEachLatestRating(
        *store_, LatestRatingFilter{department, clinician, rated_on_or_before},
        [&lines](const LatestRating& rating) {
          lines.push_back(rating.patient_id + " " + rating.department + " " + rating.rating_date);
        });
    EXPECT_TRUE(read.ok()) << read.error().ToString();
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

TEST_F(LatestRatingsTest, OnlyLatestRatingsOfTheDayAskedOrBeforeWhenAsked) {
  EXPECT_EQ(Latest("", "", "2026-03-02"),
            (std::vector<std::string>{"P1 B 2026-03-02", "P3 B 2026-02-15"}));
  EXPECT_EQ(Latest("B", "", "2026-03-01"), (std::vector<std::string>{"P3 B 2026-02-15"}));
  // A patient whose latest rating is too recent is not replaced by an older one.
  EXPECT_EQ(Latest("A", "", "2026-03-31"), (std::vector<std::string>{}));
}

// The store keeps each patient's latest rating as batches arrive, in any
// order: an older rating imported later changes nothing, a newer one moves
// the patient (and who rated it with them), and of two on one day the one
// stored last counts.
TEST_F(LatestRatingsTest, LaterBatchesKeepTheLatestRatingWhateverTheirOrder) {
  Seed({Rated("P2", "B", "2026-03-01", "dr. c"), Rated("P3", "A", "2026-05-01", "dr. c"),
        Rated("P4", "A", "2026-06-01", "dr. a"), Rated("P4", "B", "2026-06-01", "dr. b")});
  EXPECT_EQ(Latest("", ""), (std::vector<std::string>{"P1 B 2026-03-02", "P2 A 2026-04-01",
                                                      "P3 A 2026-05-01", "P4 B 2026-06-01"}));
  Seed({Rated("P4", "C", "2026-06-01", "dr. c"), Rated("P1", "A", "2025-12-01", "dr. a")});
  EXPECT_EQ(Latest("", ""), (std::vector<std::string>{"P1 B 2026-03-02", "P2 A 2026-04-01",
                                                      "P3 A 2026-05-01", "P4 C 2026-06-01"}));
}

// The first load into an empty store takes its own road (grouped from the
// index, without ranking); of two ratings on one day it keeps the one
// stored last there too.
TEST_F(LatestRatingsTest, TheFirstLoadKeepsTheRatingStoredLastOfOneDay) {
  ScopedTempDir other_dir;
  auto opened = Store::Open(TestStoreLocation(other_dir));
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  store_ = std::move(opened).value();
  Seed({Rated("Q1", "B", "2026-02-02", "dr. b"), Rated("Q1", "A", "2026-02-02", "dr. a"),
        Rated("Q1", "C", "2026-01-30", "dr. c"), Rated("Q2", "C", "2026-01-30", "dr. c")});
  EXPECT_EQ(Latest("", ""), (std::vector<std::string>{"Q1 A 2026-02-02", "Q2 C 2026-01-30"}));
  EXPECT_EQ(Latest("", "dr. a"), (std::vector<std::string>{"Q1 A 2026-02-02"}));
  store_.reset();  // closed before its folder (or PostgreSQL database) goes
}

// Imports leave the table alone until it is first read, however many come;
// that read builds it whole, with its index, and the next import keeps it.
TEST_F(LatestRatingsTest, TheFirstReadBuildsTheTableThatImportsThenKeep) {
  ScopedTempDir other_dir;
  auto opened = Store::Open(TestStoreLocation(other_dir));
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  store_ = std::move(opened).value();
  Seed({Rated("Q1", "A", "2026-01-10", "dr. a"), Rated("Q2", "A", "2026-01-11", "dr. a")});
  Seed({Rated("Q1", "B", "2026-02-10", "dr. b")});
  EXPECT_EQ(Count("SELECT count(*) FROM latest_rating"), 0);
  EXPECT_EQ(Latest("B", ""), (std::vector<std::string>{"Q1 B 2026-02-10"}));
  EXPECT_EQ(Count("SELECT count(*) FROM latest_rating"), 2);
  EXPECT_EQ(Latest("A", ""), (std::vector<std::string>{"Q2 A 2026-01-11"}));
  Seed({Rated("Q2", "B", "2026-03-01", "dr. b"), Rated("Q3", "A", "2026-03-02", "dr. a")});
  EXPECT_EQ(Count("SELECT count(*) FROM latest_rating"), 3);
  EXPECT_EQ(Latest("B", ""), (std::vector<std::string>{"Q1 B 2026-02-10", "Q2 B 2026-03-01"}));
  if (store_->dialect() == SqlDialect::kSqlite) {
    EXPECT_EQ(Count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = "
                    "'latest_rating_by_department'"),
              1);
  }
  store_.reset();  // closed before its folder (or PostgreSQL database) goes
}

// Once built, the table is not built again: a row removed by hand stays
// removed (nothing would otherwise notice a rebuild).
TEST_F(LatestRatingsTest, ABuiltTableIsNotBuiltAgain) {
  ASSERT_TRUE(store_->Execute("DELETE FROM latest_rating WHERE patient_id = 'P3'").ok());
  ASSERT_TRUE(BuildLatestRatingsIfMissing(*store_).ok());
  EXPECT_EQ(Latest("", ""), (std::vector<std::string>{"P1 B 2026-03-02", "P2 A 2026-04-01"}));
}

// The kept table against its definition, computed afresh from every
// measurement: the latest day, and of one day the highest id.
TEST_F(LatestRatingsTest, TheKeptTableEqualsTheLatestRatingComputedFromEveryMeasurement) {
  Seed({Rated("P2", "B", "2026-04-01", "dr. c"), Rated("P5", "A", "2026-01-01", "dr. a")});
  Seed({Rated("P5", "B", "2025-01-01", "dr. a"), Rated("P1", "A", "2026-03-02", "dr. a")});
  const std::string kept =
      "SELECT patient_id, measurement_id, department, rating_date, clinician FROM latest_rating "
      "ORDER BY patient_id";
  const std::string computed =
      "SELECT m.patient_id, m.id, m.department, m.rating_date, m.clinician FROM measurement m "
      "WHERE NOT EXISTS (SELECT 1 FROM measurement n WHERE n.patient_id = m.patient_id AND "
      "(n.rating_date > m.rating_date OR (n.rating_date = m.rating_date AND n.id > m.id))) "
      "ORDER BY m.patient_id";
  auto rows = [this](const std::string& sql) {
    std::vector<std::string> lines;
    SqlStatement select(*store_, sql);
    while (select.Step()) {
      lines.push_back(std::string(select.Text(0)) + " " + std::to_string(select.Int(1)) + " " +
                      std::string(select.Text(2)) + " " + std::string(select.Text(3)) + " " +
                      std::string(select.Text(4)));
    }
    EXPECT_TRUE(select.status().ok());
    return lines;
  };
  EXPECT_EQ(rows(kept), rows(computed));
  EXPECT_EQ(rows(kept).size(), 4u);  // P1, P2, P3, P5
}

// One department's due list reads that department's range of the kept
// latest ratings from latest_rating_by_department, each of them by key, and
// each one's cluster from the model's index of classifications alone; only
// the whole store's list reads every patient. Reading the steps' own
// results (key, k) and the handful of classify runs whole is fine.
const std::vector<std::string> kReadWhole = {"key", "k", "cluster_model_use"};

TEST_F(LatestRatingsTest, ADepartmentsDueListSearchesTheDepartmentsIndexRange) {
  if (store_->dialect() != SqlDialect::kSqlite) GTEST_SKIP() << "asks SQLite's query planner";
  for (const LatestRatingFilter& filter :
       {LatestRatingFilter{"A", "", ""}, {"A", "dr. a", ""}, {"A", "", "2026-03-01"}}) {
    const std::string sql = LatestRatingsQuery(filter, SqlDialect::kSqlite);
    Result<std::vector<std::string>> scans = FullScans(*store_, sql, kReadWhole);
    ASSERT_TRUE(scans.ok()) << scans.error().ToString();
    EXPECT_EQ(scans.value(), std::vector<std::string>()) << sql;
    SqlStatement explain(*store_, "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (explain.Step()) plan += std::string(explain.Text(3)) + "\n";
    EXPECT_NE(plan.find("SEARCH latest_rating USING COVERING INDEX latest_rating_by_department "
                        "(department=?"),
              std::string::npos)
        << plan;
    EXPECT_NE(plan.find("SEARCH l USING PRIMARY KEY (patient_id=?)"), std::string::npos) << plan;
    EXPECT_NE(plan.find("SEARCH c USING COVERING INDEX classification_by_model (model_id=? AND "
                        "measurement_id=?)"),
              std::string::npos)
        << plan;
  }
  Result<std::vector<std::string>> everyone =
      FullScans(*store_, LatestRatingsQuery(LatestRatingFilter{}, SqlDialect::kSqlite), kReadWhole);
  ASSERT_TRUE(everyone.ok());
  EXPECT_FALSE(everyone.value().empty());
}

}  // namespace
}  // namespace clusterpilot
