#include "reports/month_snapshot.h"

#include <gtest/gtest.h>

#include "reports/caseload_revenue.h"
#include "reports/cluster_distribution.h"
#include "reports/cluster_row_plan.h"
#include "reports/fit_summary.h"
#include "reports/report_keys.h"
#include "store/override_table.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

class MonthSnapshotTest : public testing::Test {
 protected:
  MonthSnapshotTest() : fixture_(TestStoreLocationOf(dir_)) {}

  MonthSnapshot Load(const CalendarMonth& month) {
    Result<MonthSnapshot> snapshot = LoadMonthSnapshot(fixture_.store(), month);
    EXPECT_TRUE(snapshot.ok()) << snapshot.error().ToString();
    return std::move(snapshot).value();
  }

  ScopedTempDir dir_;
  ReportStore fixture_;
};

TEST_F(MonthSnapshotTest, KeepsTheLatestRatingOfEachPatientPerDepartment) {
  fixture_.AddModel("old", "1");
  const int64_t early = fixture_.AddMeasurement("P1", "Psychosomatics", "2026-10-02");
  const int64_t late = fixture_.AddMeasurement("P1", "Psychosomatics", "2026-10-20", AllRated(3));
  const int64_t other = fixture_.AddMeasurement("P1", "FACT", "2026-10-05");
  fixture_.AddMeasurement("P1", "FACT", "2026-09-30");  // previous month
  fixture_.AddMeasurement("P1", "FACT", "2026-11-01");  // next month
  fixture_.Classify(early, 3, "3:0.9000;4:0.1000");
  fixture_.Classify(late, 4, "4:0.6000;5:0.4000", kFlagAtypical);
  fixture_.Classify(other, 11, "11:1.0000");

  const MonthSnapshot snapshot = Load(CalendarMonth{2026, 10});
  EXPECT_EQ(snapshot.model.name, "old");
  ASSERT_EQ(snapshot.departments, (std::vector<std::string>{"FACT", "Psychosomatics"}));
  ASSERT_EQ(snapshot.patients.size(), 2u);
  const PatientMonth& psychosomatics = snapshot.patients[1];
  EXPECT_EQ(psychosomatics.measurement_id, late);
  EXPECT_EQ(psychosomatics.rating_date, "2026-10-20");
  EXPECT_EQ(psychosomatics.ratings[0], 3);
  EXPECT_EQ(psychosomatics.ReportedCluster(), 4);
  EXPECT_EQ(psychosomatics.flags, kFlagAtypical);
  ASSERT_EQ(psychosomatics.probabilities.size(), 2u);
  EXPECT_EQ(psychosomatics.probabilities[1].cluster, 5);
  EXPECT_DOUBLE_EQ(psychosomatics.probabilities[1].probability, 0.4);
  EXPECT_EQ(snapshot.activity[1].measurements, 2);
  EXPECT_EQ(snapshot.activity[0].measurements, 1);
}

// The report learns who was rated in the month from the department index
// before it reads their rows: the same (patient, department) pairs, each
// once, sorted.
TEST_F(MonthSnapshotTest, NamesTheMonthsPatientsAsTheSnapshotHoldsThem) {
  fixture_.AddMeasurement("P2", "Psychosomatics", "2026-10-02");
  fixture_.AddMeasurement("P2", "Psychosomatics", "2026-10-20");
  fixture_.AddMeasurement("P1", "FACT", "2026-10-31");
  fixture_.AddMeasurement("P1", "Psychosomatics", "2026-10-01");
  fixture_.AddMeasurement("P3", "FACT", "2026-09-30");  // previous month
  fixture_.AddMeasurement("P4", "FACT", "2026-11-01");  // next month
  Result<std::vector<std::pair<std::string, std::string>>> pairs =
      LoadMonthPatients(fixture_.store(), CalendarMonth{2026, 10});
  ASSERT_TRUE(pairs.ok()) << pairs.error().ToString();
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"P1", "FACT"}, {"P1", "Psychosomatics"}, {"P2", "Psychosomatics"}};
  EXPECT_EQ(pairs.value(), expected);
  EXPECT_EQ(PatientsToLookBack(Load(CalendarMonth{2026, 10}), {}), expected);
}

TEST_F(MonthSnapshotTest, UsesTheLatestModelAndTheLatestOverride) {
  const int64_t old_model = fixture_.AddModel("m", "1");
  const int64_t a = fixture_.AddMeasurement("P1", "D", "2026-10-02");
  const int64_t b = fixture_.AddMeasurement("P2", "D", "2026-10-02");
  const int64_t c = fixture_.AddMeasurement("P3", "D", "2026-10-02");
  fixture_.Classify(a, 1, "1:1.0000", 0, old_model);
  fixture_.Classify(b, 1, "1:1.0000", 0, old_model);
  fixture_.AddModel("m", "2");
  fixture_.Classify(a, 2, "2:0.7000;1:0.3000");
  fixture_.Classify(c, 0, "");  // no fitting cluster
  fixture_.Override(a, 3);
  fixture_.Override(a, 2);  // the clinician confirmed after all: the latest wins

  const MonthSnapshot snapshot = Load(CalendarMonth{2026, 10});
  EXPECT_EQ(snapshot.model.version, "2");
  ASSERT_EQ(snapshot.patients.size(), 3u);
  EXPECT_EQ(snapshot.patients[0].algorithm_cluster, 2);
  EXPECT_EQ(snapshot.patients[0].clinician_cluster, 2);
  EXPECT_FALSE(snapshot.patients[1].classified);  // only the old model classified it
  EXPECT_EQ(snapshot.patients[1].ReportedCluster(), 0);
  EXPECT_TRUE(snapshot.patients[2].classified);
  EXPECT_EQ(snapshot.patients[2].ReportedCluster(), 0);
  const DepartmentActivity& activity = snapshot.activity[0];
  EXPECT_EQ(activity.measurements, 3);
  EXPECT_EQ(activity.not_classified, 1);
  EXPECT_EQ(activity.reviewed, 1);
  EXPECT_EQ(activity.changed, 0);  // the latest override agrees with the algorithm
}

TEST_F(MonthSnapshotTest, AnswersTheQuestionsAroundAMonth) {
  fixture_.AddMeasurement("P1", "FACT", "2025-10-31");
  fixture_.AddMeasurement("P2", "FACT", "2025-11-01");
  fixture_.AddMeasurement("P3", "Psychosomatics", "2026-10-31");
  Result<std::vector<bool>> rated = RatedInLastYear(
      fixture_.store(), CalendarMonth{2026, 10},
      {{"P1", "FACT"}, {"P2", "FACT"}, {"P3", "Psychosomatics"}, {"P3", "FACT"}, {"P9", "FACT"}});
  ASSERT_TRUE(rated.ok());
  EXPECT_EQ(rated.value(), (std::vector<bool>{false, true, true, false, false}));
  Result<std::optional<CalendarMonth>> latest = LatestRatedMonth(fixture_.store());
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest.value()->Key(), "2026-10");
  Result<std::set<std::string>> departments = StoreDepartments(fixture_.store());
  EXPECT_EQ(departments.value(), (std::set<std::string>{"FACT", "Psychosomatics"}));
  const MonthSnapshot empty = Load(CalendarMonth{2024, 1});
  EXPECT_TRUE(empty.patients.empty());
  EXPECT_EQ(empty.model.id, 0);
}

// A clinician's "no fitting cluster" is a decision of its own: its own row
// in the distribution, a poor fit in the fit figures, and a review.
TEST_F(MonthSnapshotTest, TheClinicianDecidingNoClusterFitsIsCountedApart) {
  fixture_.AddModel();
  const int64_t decided = fixture_.AddMeasurement("P1", "Psychosomatics", "2026-10-02");
  const int64_t algorithm = fixture_.AddMeasurement("P2", "Psychosomatics", "2026-10-02");
  const int64_t kept = fixture_.AddMeasurement("P3", "Psychosomatics", "2026-10-02");
  fixture_.Classify(decided, 6, "6:0.9000;7:0.1000");
  fixture_.Classify(algorithm, 0, "");  // the classifier found none
  fixture_.Classify(kept, 6, "6:0.9000;7:0.1000");
  fixture_.Override(decided, kNoFittingCluster);

  const MonthSnapshot snapshot = Load(CalendarMonth{2026, 10});
  ASSERT_EQ(snapshot.patients.size(), 3u);
  EXPECT_TRUE(snapshot.patients[0].clinician_no_cluster);
  EXPECT_EQ(snapshot.patients[0].ReportedCluster(), 0);
  EXPECT_EQ(snapshot.activity[0].reviewed, 1);
  EXPECT_EQ(snapshot.activity[0].changed, 1);

  ClusterCounts counts;
  FitCounts fit;
  for (const PatientMonth& patient : snapshot.patients) {
    counts.Count(patient);
    fit.Count(patient);
  }
  EXPECT_EQ(counts.clinician_no_cluster, 1);
  EXPECT_EQ(counts.no_cluster, 1);
  EXPECT_EQ(counts.by_cluster[6], 1);
  EXPECT_EQ(counts.Total(), 3);
  EXPECT_EQ(fit.poor_fit, 1);  // no flag: the clinician's decision alone
  std::string rows;
  for (const ClusterRowPlan& row : ClusterRows()) {
    if (row.cluster == 0 && row.style != RowStyle::kGroup && row.CountIn(counts) > 0)
      rows += row.key + "=" + std::to_string(row.CountIn(counts)) + " ";
  }
  EXPECT_EQ(rows, "supercluster:X=1 no_cluster=1 clinician_no_cluster=1 total=3 ");
}

}  // namespace
}  // namespace clusterpilot
