#include "store/unclassified_measurements.h"

#include <gtest/gtest.h>

#include "store/classification_table.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

TEST(UnclassifiedMeasurementsTest, StreamsWhatTheModelHasNotClassifiedWithTheClassifyingFields) {
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir)).value();
  std::vector<Measurement> measurements = {
      MakeMeasurement("P1", "A", "2026-03-01", Supercluster::kPsychotic, {{6, 4}, {7, 2}}),
      MakeMeasurement("P2", "A", "2026-03-02", Supercluster::kNone, {{4, 3}}),
      MakeMeasurement("P3", "B", "2026-03-03", Supercluster::kOrganic, {})};
  measurements[0].hv08_type = 'F';
  measurements[0].route = RatingRoute::kDynamic;
  measurements[0].ratings[7] = 3;  // HV08
  measurements[0].ratings[12] = kUnknownRating;
  measurements[1].route = RatingRoute::kFull;
  SeedMeasurements(*store, &measurements);
  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  const int64_t other = RegisterClusterModel(*store, "m", "2", "h").value().id;
  ClassificationWriter writer(*store, model, "now");
  ASSERT_TRUE(writer.Write({measurements[1].id, 18, 1, "18:1.0000", 0, "", ""}).ok());

  UnclassifiedMeasurements pending(*store, model);
  Measurement read;
  ASSERT_TRUE(pending.Next(&read));
  EXPECT_EQ(read.id, measurements[0].id);
  EXPECT_EQ(read.supercluster, Supercluster::kPsychotic);
  EXPECT_EQ(read.ratings, measurements[0].ratings);
  EXPECT_EQ(read.hv08_type, 'F');
  EXPECT_EQ(read.route, RatingRoute::kDynamic);
  ASSERT_TRUE(pending.Next(&read));
  EXPECT_EQ(read.id, measurements[2].id);  // measurement 2 is done
  EXPECT_EQ(read.hv08_type, 0);
  EXPECT_EQ(read.route, RatingRoute::kUnknown);
  EXPECT_FALSE(pending.Next(&read));
  EXPECT_TRUE(pending.status().ok());

  UnclassifiedMeasurements all(*store, other);
  int count = 0;
  while (all.Next(&read)) ++count;
  EXPECT_EQ(count, 3);
  // A model with no results yet reads everything without the per-row check.
  UnclassifiedMeasurements first_run(*store, other, false);
  count = 0;
  while (first_run.Next(&read)) ++count;
  EXPECT_EQ(count, 3);
  EXPECT_TRUE(first_run.status().ok());
}

// A finished run records how far its model got; the next run reads only the
// measurements stored after that.
TEST(UnclassifiedMeasurementsTest, ReadsOnlyWhatWasStoredAfterTheModelsLastFinishedRun) {
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir)).value();
  std::vector<Measurement> before = {
      MakeMeasurement("P1", "A", "2026-03-01", Supercluster::kNone, {{7, 2}}),
      MakeMeasurement("P2", "A", "2026-03-02", Supercluster::kNone, {{7, 3}})};
  SeedMeasurements(*store, &before);
  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  ClassificationWriter writer(*store, model, "now");
  ASSERT_TRUE(writer.Write({before[0].id, 18, 1, "18:1.0000", 0, "", ""}).ok());
  ASSERT_TRUE(writer.Write({before[1].id, 18, 1, "18:1.0000", 0, "", ""}).ok());
  ASSERT_TRUE(RecordClassifiedThrough(*store, model).ok());
  std::vector<Measurement> after = {
      MakeMeasurement("P3", "B", "2026-04-01", Supercluster::kNone, {{7, 1}})};
  SeedMeasurements(*store, &after);

  UnclassifiedMeasurements pending(*store, model);
  Measurement read;
  ASSERT_TRUE(pending.Next(&read));
  EXPECT_EQ(read.id, after[0].id);
  EXPECT_FALSE(pending.Next(&read));
  EXPECT_TRUE(pending.status().ok());
  SqlStatement progress(*store,
                        "SELECT through_measurement_id FROM classification_progress "
                        "WHERE model_id = ?1");
  progress.BindInt(1, model);
  ASSERT_TRUE(progress.Step());
  EXPECT_EQ(progress.Int(0), before[1].id);
}

TEST(UnclassifiedMeasurementsTest, AStoredValueOutsideZeroToFourReadsAsUnknown) {
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir)).value();
  std::vector<Measurement> measurements = {
      MakeMeasurement("P1", "A", "2026-03-01", Supercluster::kNone, {{7, 2}})};
  SeedMeasurements(*store, &measurements);
  ASSERT_TRUE(store->Execute("UPDATE measurement SET hv07 = 9, hv01 = -3").ok());
  UnclassifiedMeasurements pending(*store, 1);
  Measurement read;
  ASSERT_TRUE(pending.Next(&read));
  EXPECT_EQ(read.ratings[6], kUnknownRating);
  EXPECT_EQ(read.ratings[0], kUnknownRating);
  EXPECT_EQ(read.ratings[1], 0);
}

}  // namespace
}  // namespace clusterpilot
