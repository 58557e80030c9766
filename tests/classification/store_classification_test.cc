// The classify stage on real stores: what it writes, what it skips, and that
// a refused or failed run leaves the store as it was.
#include "classification/store_classification.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "classifier/default_model.h"
#include "store/assignment_listing.h"
#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

// A typical severe non-psychotic patient, severe hallucinations with a
// non-psychotic choice, and one with 9 unknown items.
std::vector<Measurement> ThreePatients() {
  std::vector<Measurement> measurements = {
      MakeMeasurement(
          "P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic,
          {{2, 2}, {6, 1}, {7, 4}, {8, 3}, {9, 3}, {10, 3}, {11, 2}, {12, 3}, {15, 2}, {18, 2}}),
      MakeMeasurement("P2", "Volwassenen", "2026-03-09", Supercluster::kNonPsychotic,
                      {{6, 4}, {7, 2}}),
      MakeMeasurement("P3", "Ouderen", "2026-03-16", Supercluster::kNonPsychotic, {{7, 2}})};
  for (int item = 10; item < kItemCount; ++item) measurements[2].ratings[item] = kUnknownRating;
  return measurements;
}

// Enough measurements for several full batches and a partial last one, each
// patient rated differently.
std::vector<Measurement> ManyPatients(int count) {
  std::vector<Measurement> measurements;
  for (int i = 0; i < count; ++i) {
    Measurement measurement =
        MakeMeasurement("P" + std::to_string(i), i % 2 ? "Ouderen" : "Volwassenen", "2026-03-02",
                        i % 3 ? Supercluster::kNonPsychotic : Supercluster::kPsychotic, {});
    for (int item = 0; item < kItemCount; ++item) {
      measurement.ratings[item] = static_cast<int8_t>((i * 7 + item * item) % 5);
    }
    measurements.push_back(measurement);
  }
  return measurements;
}

std::map<int64_t, int> ClusterByMeasurement(Store& store) {
  std::map<int64_t, int> clusters;
  Result<std::vector<AssignmentRow>> rows = ReadAssignments(store, {});
  EXPECT_TRUE(rows.ok()) << rows.error().ToString();
  if (!rows.ok()) return clusters;
  for (const AssignmentRow& row : rows.value()) {
    clusters[row.measurement_id] = row.classified ? row.cluster : -1;
  }
  return clusters;
}

class StoreClassificationTest : public testing::Test {
 protected:
  void SetUp() override { store_ = Store::Open(TestStoreLocation(dir_)).value(); }

  Result<ClassifyTally> Classify(const std::string& hash = "hash-1") {
    return ClassifyStore(*store_, DefaultClusterModel(), {hash, {}, "finance"});
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreClassificationTest, ClassifiesEveryMeasurementAndRecordsWhoDidIt) {
  std::vector<Measurement> measurements = ThreePatients();
  SeedMeasurements(*store_, &measurements);
  Result<ClassifyTally> tally = Classify();
  ASSERT_TRUE(tally.ok()) << tally.error().ToString();
  EXPECT_EQ(tally.value().classified, 3);
  EXPECT_EQ(tally.value().skipped, 0);
  EXPECT_EQ(tally.value().without_cluster, 1);
  // ambiguous, atypical, no_fit, supercluster_conflict, insufficient_data
  EXPECT_EQ(tally.value().flags, (std::array<int64_t, 5>{0, 1, 1, 1, 1}));
  EXPECT_EQ(ClusterByMeasurement(*store_)[measurements[0].id], 4);

  std::vector<AuditEntry> log = ReadAuditLog(*store_).value();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].user, "finance");
  EXPECT_EQ(log[0].action, "classify");
  EXPECT_EQ(log[0].object, "3 measurements with model clusterpilot illustrative model 2");
}

TEST_F(StoreClassificationTest, ClassifiesOnlyWhatTheModelHasNotSeen) {
  std::vector<Measurement> measurements = ThreePatients();
  SeedMeasurements(*store_, &measurements);
  ASSERT_TRUE(Classify().ok());
  Result<ClassifyTally> again = Classify();
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again.value().classified, 0);
  EXPECT_EQ(again.value().skipped, 3);

  std::vector<Measurement> later = {
      MakeMeasurement("P4", "Ouderen", "2026-04-01", Supercluster::kNonPsychotic, {{7, 3}})};
  SeedMeasurements(*store_, &later);
  Result<ClassifyTally> third = Classify();
  ASSERT_TRUE(third.ok()) << third.error().ToString();
  EXPECT_EQ(third.value().classified, 1);
  EXPECT_EQ(third.value().skipped, 3);
  EXPECT_EQ(ClusterByMeasurement(*store_).size(), 4u);
  EXPECT_EQ(ReadAuditLog(*store_).value().back().object,
            "1 measurements with model clusterpilot illustrative model 2");
}

// 4096 rows travel per batch: 10,000 make two full batches and a partial one.
TEST_F(StoreClassificationTest, WritesWhatTheClassifierSaysForEveryMeasurementOfEveryBatch) {
  std::vector<Measurement> measurements = ManyPatients(10'000);
  SeedMeasurements(*store_, &measurements);
  Result<ClassifyTally> tally = Classify();
  ASSERT_TRUE(tally.ok()) << tally.error().ToString();
  EXPECT_EQ(tally.value().classified, 10'000);
  EXPECT_EQ(CountClassified(*store_, 1).value(), 10'000);

  const MeasurementClassifier classifier(DefaultClusterModel(), {});
  std::map<int64_t, int> stored = ClusterByMeasurement(*store_);
  ASSERT_EQ(stored.size(), measurements.size());
  MeasurementClassification expected;
  for (const Measurement& measurement : measurements) {
    classifier.Classify(measurement, &expected);
    ASSERT_EQ(stored[measurement.id], expected.cluster()) << "measurement " << measurement.id;
  }
}

TEST_F(StoreClassificationTest, AChangedModelUnderAnOldVersionIsRefusedAndLeavesNothing) {
  std::vector<Measurement> measurements = ThreePatients();
  SeedMeasurements(*store_, &measurements);
  ASSERT_TRUE(RegisterClusterModel(*store_, "clusterpilot illustrative model", "2", "hash-1").ok());
  Result<ClassifyTally> refused = Classify("hash-2");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().ToString(),
            store_->path() +
                ": model \"clusterpilot illustrative model 2\": this store already has results of "
                "a different model with the same name and version; give the changed model a new "
                "version");
  EXPECT_EQ(CountClassified(*store_, 1).value(), 0);
  EXPECT_TRUE(ReadAuditLog(*store_).value().empty());
}

// The run switches reference checks off for speed; they must be on again
// afterwards, after success and after failure alike.
TEST_F(StoreClassificationTest, ReferencesAreCheckedAgainAfterARun) {
  std::vector<Measurement> measurements = ThreePatients();
  SeedMeasurements(*store_, &measurements);
  ASSERT_TRUE(Classify().ok());
  ASSERT_FALSE(Classify("hash-2").ok());
  Status orphan = store_->InTransaction([&]() -> Status {
    ClassificationWriter writer(*store_, 1, "2026-03-31T00:00:00Z");
    return writer.Write({999'999, 4, 0.9, "", 0, "", ""});
  });
  ASSERT_FALSE(orphan.ok());
  const std::string refusal =
      TestsUsePostgresql() ? "violates foreign key constraint" : "FOREIGN KEY constraint failed";
  EXPECT_NE(orphan.error().ToString().find(refusal), std::string::npos)
      << orphan.error().ToString();
}

// A write refused midway, with the classifying thread waiting to hand on
// more batches: the run ends with the refusal (it does not wait for the
// thread forever), keeps nothing, and the store is back in WAL.
TEST_F(StoreClassificationTest, AWriteRefusedMidwayFailsTheWholeRun) {
  // SQLite only: the refusal is a trigger in SQLite's own dialect.
  if (TestsUsePostgresql()) GTEST_SKIP() << "an SQLite trigger";
  std::vector<Measurement> measurements = ManyPatients(30000);
  SeedMeasurements(*store_, &measurements);
  ASSERT_TRUE(store_
                  ->Execute("CREATE TRIGGER refuse BEFORE INSERT ON classification WHEN "
                            "NEW.measurement_id = 9000 BEGIN SELECT RAISE(ABORT, 'refused "
                            "here'); END")
                  .ok());
  Result<ClassifyTally> failed = Classify();
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().ToString().find("refused here"), std::string::npos)
      << failed.error().ToString();
  EXPECT_EQ(CountClassified(*store_, 1).value(), 0);
  EXPECT_TRUE(ReadAuditLog(*store_).value().empty());
  SqlStatement mode(*store_, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.Step());
  EXPECT_EQ(mode.Text(0), "wal");
}

}  // namespace
}  // namespace clusterpilot
