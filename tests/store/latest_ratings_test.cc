#include "store/latest_ratings.h"

#include <gtest/gtest.h>

#include "store/classification_table.h"
#include "store/override_table.h"
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
  }

  static Measurement Rated(const std::string& patient, const std::string& department,
                           const std::string& date, const std::string& clinician) {
    Measurement measurement =
        MakeMeasurement(patient, department, date, Supercluster::kNonPsychotic, {});
    measurement.clinician = clinician;
    return measurement;
  }

  void Seed(std::vector<Measurement> measurements) { SeedMeasurements(*store_, &measurements); }

  // "patient department date" of each latest rating the filter keeps.
  std::vector<std::string> Latest(const std::string& department, const std::string& clinician,
                                  const std::string& rated_on_or_before = "") {
    Result<std::vector<LatestRating>> ratings =
        ReadLatestRatings(*store_, LatestRatingFilter{department, clinician, rated_on_or_before});
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

// The clusters kept beside each latest rating against their definition,
// computed afresh: the model in use's classification and the clinician's
// latest decision. They must agree after each event that changes them:
// a classify run, a decision, a switch of model, a newer rating.
TEST_F(LatestRatingsTest, TheKeptClustersFollowClassifyDecisionsModelsAndNewRatings) {
  auto kept = [this]() {
    std::vector<std::string> lines;
    Result<std::vector<LatestRating>> ratings = ReadLatestRatings(*store_, LatestRatingFilter{});
    EXPECT_TRUE(ratings.ok());
    if (!ratings.ok()) return lines;
    for (const LatestRating& rating : ratings.value()) {
      lines.push_back(rating.patient_id + " " + std::to_string(rating.classified) + " " +
                      std::to_string(rating.final_cluster) + " " +
                      std::to_string(rating.no_fitting_cluster));
    }
    return lines;
  };
  auto computed = [this]() {
    std::vector<std::string> lines;
    SqlStatement select(
        *store_,
        "SELECT l.patient_id, CASE WHEN c.id IS NULL THEN 0 ELSE 1 END, c.cluster, "
        "  (SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = l.measurement_id "
        "   ORDER BY o.id DESC LIMIT 1) "
        "FROM latest_rating l LEFT JOIN current_classification c "
        "  ON c.measurement_id = l.measurement_id ORDER BY l.patient_id");
    while (select.Step()) {
      const bool classified = select.Int(1) != 0;
      int final_cluster = classified && !select.IsNull(2) ? static_cast<int>(select.Int(2)) : 0;
      const bool decided = !select.IsNull(3);
      if (decided) final_cluster = static_cast<int>(select.Int(3));
      lines.push_back(std::string(select.Text(0)) + " " + std::to_string(classified) + " " +
                      std::to_string(final_cluster) + " " +
                      std::to_string(decided && final_cluster == kNoFittingCluster));
    }
    EXPECT_TRUE(select.status().ok());
    return lines;
  };
  auto latest_measurement = [this](const std::string& patient) {
    SqlStatement select(*store_, "SELECT measurement_id FROM latest_rating WHERE patient_id = ?");
    select.BindText(1, patient);
    EXPECT_TRUE(select.Step());
    return select.Int(0);
  };
  auto classify_all = [this](int64_t model, int cluster) {
    ClassificationWriter writer(*store_, model, "2026-05-01T00:00:00Z");
    SqlStatement ids(*store_, "SELECT id FROM measurement ORDER BY id");
    std::vector<int64_t> measurements;
    while (ids.Step()) measurements.push_back(ids.Int(0));
    for (int64_t id : measurements) {
      ASSERT_TRUE(writer.Write({id, cluster, 0.9, "", 0, "", ""}).ok());
    }
    ASSERT_TRUE(RefreshLatestClusters(*store_).ok());
  };

  EXPECT_EQ(kept(), (std::vector<std::string>{"P1 0 0 0", "P2 0 0 0", "P3 0 0 0"}));
  const int64_t first = RegisterClusterModel(*store_, "m", "1", "h1").value().id;
  ASSERT_TRUE(RefreshLatestClusters(*store_).ok());
  classify_all(first, 4);
  EXPECT_EQ(kept(), (std::vector<std::string>{"P1 1 4 0", "P2 1 4 0", "P3 1 4 0"}));
  ASSERT_TRUE(RecordOverride(*store_, latest_measurement("P2"), 11, "fits better", "dr. a").ok());
  ASSERT_TRUE(
      RecordOverride(*store_, latest_measurement("P3"), kNoFittingCluster, "none", "dr. a").ok());
  EXPECT_EQ(kept(), (std::vector<std::string>{"P1 1 4 0", "P2 1 11 0",
                                              "P3 1 " + std::to_string(kNoFittingCluster) + " 1"}));
  EXPECT_EQ(kept(), computed());

  // Another model: nothing is classified by it yet; the decisions stand.
  const int64_t second = RegisterClusterModel(*store_, "m", "2", "h2").value().id;
  ASSERT_TRUE(RefreshLatestClusters(*store_).ok());
  EXPECT_EQ(kept(), computed());
  EXPECT_EQ(kept()[0], "P1 0 0 0");
  classify_all(second, 5);
  EXPECT_EQ(kept()[0], "P1 1 5 0");
  EXPECT_EQ(kept(), computed());

  // Back to the first model, whose classifications are still stored.
  ASSERT_TRUE(RegisterClusterModel(*store_, "m", "1", "h1").ok());
  ASSERT_TRUE(RefreshLatestClusters(*store_).ok());
  EXPECT_EQ(kept()[0], "P1 1 4 0");
  EXPECT_EQ(kept(), computed());

  // A newer rating replaces P1's: not classified until the next run.
  Seed({Rated("P1", "A", "2026-06-01", "dr. a")});
  EXPECT_EQ(kept()[0], "P1 0 0 0");
  EXPECT_EQ(kept(), computed());
}

// One department's due list reads that department's range of the kept
// latest ratings from the index alone (latest_rating_by_department covers
// every column read); only the whole store's list reads every patient.
// Reading the handful of classify runs whole is fine.
const std::vector<std::string> kReadWhole = {"cluster_model_use"};

TEST_F(LatestRatingsTest, ADepartmentsDueListSearchesTheDepartmentsIndexRange) {
  if (store_->dialect() != SqlDialect::kSqlite) GTEST_SKIP() << "asks SQLite's query planner";
  for (const LatestRatingFilter& filter :
       {LatestRatingFilter{"A", "", ""}, {"A", "dr. a", ""}, {"A", "", "2026-03-01"}}) {
    const std::string sql = LatestRatingsQuery(filter);
    Result<std::vector<std::string>> scans = FullScans(*store_, sql, kReadWhole);
    ASSERT_TRUE(scans.ok()) << scans.error().ToString();
    EXPECT_EQ(scans.value(), std::vector<std::string>()) << sql;
    SqlStatement explain(*store_, "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (explain.Step()) plan += std::string(explain.Text(3)) + "\n";
    EXPECT_NE(
        plan.find(
            "SEARCH latest_rating USING COVERING INDEX latest_rating_by_department (department=?"),
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
