#include "store/report_inputs_stamp.h"

#include <gtest/gtest.h>

#include "core/cluster_assignment.h"
#include "store/classification_table.h"
#include "store/override_table.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

std::string Stamp(Store& store) {
  Result<std::string> stamp = ReportInputsStamp(store);
  EXPECT_TRUE(stamp.ok()) << stamp.error().ToString();
  return stamp.ok() ? stamp.value() : "";
}

// Each kind of change a report shows moves its own part of the stamp.
TEST(ReportInputsStampTest, ImportClassificationAndReviewEachChangeIt) {
  ScopedTempDir dir;
  auto store = std::move(Store::Open(TestStoreLocation(dir))).value();
  EXPECT_EQ(Stamp(*store), "0.0.0.0");
  std::vector<Measurement> measurements = {
      MakeMeasurement("P1", "A", "2026-03-01", Supercluster::kNonPsychotic, {{7, 2}})};
  SeedMeasurements(*store, &measurements);
  const std::string imported = Stamp(*store);
  EXPECT_EQ(imported.substr(imported.find('.')), ".0.0.0") << imported;
  EXPECT_NE(imported, "0.0.0.0");

  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  const std::string model_used = Stamp(*store);
  EXPECT_NE(model_used, imported);
  {
    ClassificationWriter writer(*store, model, "2026-03-07T00:00:00Z");
    ASSERT_TRUE(writer.Write({measurements[0].id, 4, 0.9, "4:0.9000", 0, "", ""}).ok());
  }
  const std::string classified = Stamp(*store);
  EXPECT_NE(classified, model_used);

  ReviewDecision review;
  review.measurement_id = measurements[0].id;
  review.cluster = 5;
  review.reason = "past beter";
  review.by_user = "jan";
  ASSERT_TRUE(RecordReview(*store, review).ok());
  const std::string reviewed = Stamp(*store);
  EXPECT_NE(reviewed, classified);

  // Going back to a model used before changes the current clusters, and
  // adds no classification: the stamp still moves.
  const int64_t other = RegisterClusterModel(*store, "m", "2", "h2").value().id;
  ASSERT_NE(other, model);
  const std::string switched = Stamp(*store);
  ASSERT_EQ(RegisterClusterModel(*store, "m", "1", "h").value().id, model);
  EXPECT_NE(Stamp(*store), switched);
}

}  // namespace
}  // namespace clusterpilot
