#include "store/override_table.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

class OverrideTableTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(Store::Open(TestStoreLocation(dir_))).value();
    measurements_ = {MakeMeasurement("P1", "A", "2026-03-01", Supercluster::kNonPsychotic, {}),
                     MakeMeasurement("P2", "A", "2026-03-02", Supercluster::kNonPsychotic, {})};
    SeedMeasurements(*store_, &measurements_);
    const int64_t model = RegisterClusterModel(*store_, "m", "1", "h").value().id;
    ClassificationWriter writer(*store_, model, "now");
    ASSERT_TRUE(writer.Write({measurements_[0].id, 4, 0.9, "4:0.9000", 0, "", ""}).ok());
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Measurement> measurements_;
};

TEST_F(OverrideTableTest, StoresTheOverrideBesideTheResultAndAuditsIt) {
  Result<OverrideOutcome> outcome =
      RecordOverride(*store_, measurements_[0].id, 5, "repeated self-harm", "dr.jansen");
  ASSERT_TRUE(outcome.ok()) << outcome.error().ToString();
  EXPECT_EQ(outcome.value().algorithm_cluster, 4);
  EXPECT_GT(outcome.value().stored.id, 0);
  EXPECT_FALSE(outcome.value().stored.at.empty());

  SqlStatement algorithm(*store_, "SELECT cluster FROM classification");
  ASSERT_TRUE(algorithm.Step());
  EXPECT_EQ(algorithm.Int(0), 4);  // never overwritten

  Result<std::vector<ClinicianOverride>> overrides = ReadOverrides(*store_, measurements_[0].id);
  ASSERT_TRUE(overrides.ok());
  ASSERT_EQ(overrides.value().size(), 1u);
  EXPECT_EQ(overrides.value()[0].cluster, 5);
  EXPECT_EQ(overrides.value()[0].reason, "repeated self-harm");
  EXPECT_EQ(overrides.value()[0].by_user, "dr.jansen");

  auto log = ReadAuditLog(*store_).value();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].user, "dr.jansen");
  EXPECT_EQ(log[0].action, "override");
  EXPECT_EQ(log[0].object,
            "measurement " + std::to_string(measurements_[0].id) + ": cluster 5 (algorithm: 4)");
}

TEST_F(OverrideTableTest, KeepsEveryOverrideAsHistory) {
  ASSERT_TRUE(RecordOverride(*store_, measurements_[1].id, 3, "first look", "a").ok());
  Result<OverrideOutcome> second = RecordOverride(*store_, measurements_[1].id, 4, "review", "b");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().algorithm_cluster, 0);  // not classified
  auto overrides = ReadOverrides(*store_, measurements_[1].id).value();
  ASSERT_EQ(overrides.size(), 2u);
  EXPECT_EQ(overrides[0].cluster, 3);
  EXPECT_EQ(overrides[1].cluster, 4);
  EXPECT_EQ(ReadAuditLog(*store_).value().back().object,
            "measurement " + std::to_string(measurements_[1].id) + ": cluster 4 (algorithm: none)");
}

TEST_F(OverrideTableTest, RefusesAMissingMeasurementOrReasonAndLeavesTheStoreAsItWas) {
  Result<OverrideOutcome> missing = RecordOverride(*store_, 999, 4, "why", "a");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().ToString(),
            "measurement \"999\": no such measurement in " + store_->path());
  Result<OverrideOutcome> blank = RecordOverride(*store_, measurements_[0].id, 4, "  ", "a");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().ToString(), "reason: required: say why the clinician chose this cluster");
  EXPECT_TRUE(ReadOverrides(*store_, measurements_[0].id).value().empty());
  EXPECT_TRUE(ReadAuditLog(*store_).value().empty());
}

TEST_F(OverrideTableTest, EachReviewGetsTheNextVersionAndAStaleVersionIsAConflict) {
  ReviewDecision decision;
  decision.measurement_id = measurements_[0].id;
  decision.cluster = 5;
  decision.reason = "first";
  decision.by_user = "a";
  decision.expected_version = 0;
  Result<OverrideOutcome> first = RecordReview(*store_, decision);
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_EQ(first.value().stored.version, 1);

  // A second reviewer who also saw version 0 saves: refused, nothing stored.
  decision.cluster = kNoFittingCluster;
  decision.by_user = "b";
  Result<OverrideOutcome> stale = RecordReview(*store_, decision);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().ToString(),
            "version \"0\": measurement " + std::to_string(measurements_[0].id) +
                " was reviewed by someone else meanwhile (now at version 1); reload it and "
                "decide again");
  EXPECT_EQ(ReadOverrides(*store_, measurements_[0].id).value().size(), 1u);
  EXPECT_EQ(ReadAuditLog(*store_).value().size(), 1u);

  decision.expected_version = 1;
  Result<OverrideOutcome> reloaded = RecordReview(*store_, decision);
  ASSERT_TRUE(reloaded.ok()) << reloaded.error().ToString();
  const auto overrides = ReadOverrides(*store_, measurements_[0].id).value();
  ASSERT_EQ(overrides.size(), 2u);
  EXPECT_EQ(overrides[1].version, 2);
  EXPECT_TRUE(overrides[1].NoFittingCluster());
  EXPECT_EQ(
      ReadAuditLog(*store_).value().back().object,
      "measurement " + std::to_string(measurements_[0].id) + ": no fitting cluster (algorithm: 4)");

  Result<std::optional<ReviewSubject>> subject = ReadReviewSubject(*store_, measurements_[0].id);
  ASSERT_TRUE(subject.ok());
  ASSERT_TRUE(subject.value().has_value());
  EXPECT_EQ(subject.value()->version, 2);
  EXPECT_EQ(subject.value()->algorithm_cluster, 4);
  EXPECT_EQ(subject.value()->model.content_hash, "h");
  EXPECT_EQ(subject.value()->supercluster, Supercluster::kNonPsychotic);
  EXPECT_FALSE(ReadReviewSubject(*store_, 999).value().has_value());
}

// The unique (measurement, version) index holds even for a writer that
// skips the check: two rows can never both be version 2.
TEST_F(OverrideTableTest, TheStoreItselfRefusesTwoReviewsOfOneVersion) {
  ASSERT_TRUE(RecordOverride(*store_, measurements_[0].id, 5, "r", "a").ok());
  Status duplicate = store_->Execute(
      "INSERT INTO clinician_override(measurement_id, cluster, reason, by_user, at, version) "
      "VALUES(" +
      std::to_string(measurements_[0].id) + ", 6, 'r', 'b', 'now', 1)");
  EXPECT_FALSE(duplicate.ok());
}

}  // namespace
}  // namespace clusterpilot
