#include "store/measurement_review.h"

#include <gtest/gtest.h>

#include "store/override_table.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

class MeasurementReviewTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(Store::Open(TestStoreLocation(dir_))).value();
    measurements_ = {
        MakeMeasurement("P1", "Ouderen", "2026-03-05", Supercluster::kOrganic, {{1, 4}}),
        MakeMeasurement("P1", "Acuut", "2026-01-10", Supercluster::kOrganic, {})};
    SeedMeasurements(*store_, &measurements_);
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Measurement> measurements_;
};

TEST_F(MeasurementReviewTest, TheTimelineCoversEveryDepartmentOldestFirst) {
  ASSERT_TRUE(RecordOverride(*store_, measurements_[0].id, 7, "r", "jan").ok());
  const std::vector<TimelinePoint> points = ReadPatientTimeline(*store_, "P1").value();
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].department, "Acuut");
  EXPECT_EQ(points[0].cluster, 0);
  EXPECT_EQ(points[1].rating_date, "2026-03-05");
  EXPECT_EQ(points[1].cluster, 7);
  EXPECT_EQ(ReadMeasurementRatings(*store_, measurements_[0].id).value().value()[0], 4);
  EXPECT_FALSE(ReadMeasurementRatings(*store_, 999).value().has_value());
}

}  // namespace
}  // namespace clusterpilot
