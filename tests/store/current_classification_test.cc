// "The current classification of a measurement" is defined once (the views
// of schema version 3); assignments, overrides and the report's month
// snapshot must all show the same one, also after a re-run with an older
// model.
#include <gtest/gtest.h>

#include "store/assignment_listing.h"
#include "store/classification_table.h"
#include "store/month_snapshot.h"
#include "store/override_table.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

class CurrentClassificationTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(Store::Open(TestStoreLocation(dir_))).value();
    measurements_ = {MakeMeasurement("P1", "FACT", "2026-10-05", Supercluster::kNonPsychotic, {}),
                     MakeMeasurement("P2", "FACT", "2026-10-06", Supercluster::kNonPsychotic, {})};
    SeedMeasurements(*store_, &measurements_);
  }

  int64_t Use(const std::string& version) {
    return RegisterClusterModel(*store_, "m", version, "h" + version).value().id;
  }

  void Classify(int64_t model, size_t measurement, int cluster) {
    ClassificationWriter writer(*store_, model, "t");
    ASSERT_TRUE(writer.Write({measurements_[measurement].id, cluster, 0.9, "", 0, "", ""}).ok());
  }

  // The cluster of each measurement as assignments shows it (0: none).
  std::vector<int> AssignedClusters() {
    std::vector<AssignmentRow> rows = ReadAssignments(*store_, {}).value();
    std::vector<int> clusters;
    for (const AssignmentRow& row : rows) clusters.push_back(row.classified ? row.cluster : -1);
    return clusters;
  }

  // The same as the report's month snapshot shows it.
  std::vector<int> ReportedClusters(std::string* model_version) {
    MonthSnapshot snapshot =
        ReadMonthSnapshot(*store_, CalendarDate{2026, 10, 1}, CalendarDate{2026, 11, 1}).value();
    *model_version = snapshot.model.version;
    std::vector<int> clusters;
    for (const PatientMonth& patient : snapshot.patients) {
      clusters.push_back(patient.classified ? patient.algorithm_cluster : -1);
    }
    return clusters;
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Measurement> measurements_;
};

TEST_F(CurrentClassificationTest, AssignmentsAndReportAgreeAfterAReRunWithAnOlderModel) {
  const int64_t old_model = Use("1");
  Classify(old_model, 0, 3);
  const int64_t new_model = Use("2");
  Classify(new_model, 0, 4);
  Classify(new_model, 1, 5);
  std::string version;
  EXPECT_EQ(AssignedClusters(), (std::vector<int>{4, 5}));
  EXPECT_EQ(ReportedClusters(&version), (std::vector<int>{4, 5}));
  EXPECT_EQ(version, "2");

  // The older model runs again and classifies what it had not: the newest
  // classification row is now the old model's, and the old model is current.
  EXPECT_EQ(Use("1"), old_model);
  Classify(old_model, 1, 6);
  EXPECT_EQ(AssignedClusters(), (std::vector<int>{3, 6}));
  EXPECT_EQ(ReportedClusters(&version), (std::vector<int>{3, 6}));
  EXPECT_EQ(version, "1");
  EXPECT_EQ(CurrentClusterModel(*store_).value().id, old_model);
}

TEST_F(CurrentClassificationTest, ARunThatFindsNothingNewStillMakesItsModelCurrent) {
  const int64_t old_model = Use("1");
  Classify(old_model, 0, 3);
  const int64_t new_model = Use("2");
  Classify(new_model, 0, 4);
  Classify(new_model, 1, 5);
  Use("1");  // a run with the older model that classifies nothing (say P2 was refused)
  std::string version;
  EXPECT_EQ(AssignedClusters(), (std::vector<int>{3, -1}));
  EXPECT_EQ(ReportedClusters(&version), (std::vector<int>{3, -1}));
  EXPECT_EQ(version, "1");
  // An override names what the algorithm says under the same definition.
  Result<OverrideOutcome> overridden = RecordOverride(*store_, measurements_[0].id, 7, "why", "dr");
  ASSERT_TRUE(overridden.ok());
  EXPECT_EQ(overridden.value().algorithm_cluster, 3);
}

TEST_F(CurrentClassificationTest, NoModelYetMeansNothingIsClassified) {
  EXPECT_EQ(CurrentClusterModel(*store_).value().id, 0);
  std::string version = "unset";
  EXPECT_EQ(AssignedClusters(), (std::vector<int>{-1, -1}));
  EXPECT_EQ(ReportedClusters(&version), (std::vector<int>{-1, -1}));
  EXPECT_EQ(version, "");
}

}  // namespace
}  // namespace clusterpilot
