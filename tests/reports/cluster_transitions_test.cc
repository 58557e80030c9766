// Transitions (issue 14, item 3): per department, previous cluster -> this
// month's cluster, recomputed by one SQL query written apart from the
// report's code; and the published table hides every small count.
#include "reports/cluster_transitions.h"

#include <gtest/gtest.h>

#include "reports/monthly_figures.h"
#include "reports/pilot_report.h"
#include "reports/report_keys.h"
#include "store/sql_statement.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

const CalendarMonth kMonth{2026, 10};

// The definition in SQL: each patient's latest rating per department in
// the month, against their latest there in the 12 months before; a rating's
// cluster is the clinician's latest, else the current model's, else 0.
constexpr const char* kExpectedSql = R"sql(
WITH now AS (
  SELECT id, patient_id, department,
         row_number() OVER (PARTITION BY patient_id, department
                            ORDER BY rating_date DESC, id DESC) AS rank
  FROM measurement WHERE rating_date >= '2026-10-01' AND rating_date < '2026-11-01'),
before AS (
  SELECT id, patient_id, department,
         row_number() OVER (PARTITION BY patient_id, department
                            ORDER BY rating_date DESC, id DESC) AS rank
  FROM measurement WHERE rating_date >= '2025-10-01' AND rating_date < '2026-10-01'),
cluster_of AS (
  SELECT m.id,
         coalesce((SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = m.id
                   ORDER BY o.id DESC LIMIT 1),
                  (SELECT c.cluster FROM current_classification c WHERE c.measurement_id = m.id),
                  0) AS cluster
  FROM measurement m)
SELECT n.department, cb.cluster, cn.cluster, count(*)
FROM now n JOIN before b ON b.patient_id = n.patient_id AND b.department = n.department
JOIN cluster_of cn ON cn.id = n.id JOIN cluster_of cb ON cb.id = b.id
WHERE n.rank = 1 AND b.rank = 1
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
)sql";

class ClusterTransitionsTest : public testing::Test {
 protected:
  void SetUp() override {
    fixture_ = std::make_unique<ReportStore>(TestStoreLocationOf(dir_));
    FillSyntheticStore(fixture_.get(), SyntheticStoreOptions{.patients = 300, .departments = 3});
    Store& store = fixture_->store();
    Result<MonthSnapshot> current = LoadMonthSnapshot(store, kMonth);
    ASSERT_TRUE(current.ok());
    current_ = std::move(current).value();
    Result<MonthSnapshot> earlier =
        LoadEarlierRatings(store, kMonth, 12, PatientsToLookBack(current_, {}));
    ASSERT_TRUE(earlier.ok());
    earlier_ = std::move(earlier).value();
    figures_ = ComputeMonthlyFigures(FigureInputs{
        .current = &current_, .earlier = &earlier_, .tariffs = &tariffs_, .monte_carlo = options_});
  }

  ScopedTempDir dir_;
  std::unique_ptr<ReportStore> fixture_;
  TariffTable tariffs_;
  MonteCarloOptions options_{200, 1, 1};
  MonthSnapshot current_;
  MonthSnapshot earlier_;
  MonthlyFigures figures_;
};

TEST_F(ClusterTransitionsTest, IndependentSqlAgreesInEveryDepartment) {
  std::map<std::string, TransitionCounts> expected;
  SqlStatement select(fixture_->store(), kExpectedSql);
  while (select.Step()) {
    expected[std::string(select.Text(0))]
            [{static_cast<int>(select.Int(1)), static_cast<int>(select.Int(2))}] = select.Int(3);
  }
  ASSERT_TRUE(select.status().ok()) << select.status().error().ToString();
  std::map<std::string, TransitionCounts> computed;
  int64_t rerated = 0;
  for (const DepartmentFigures& department : figures_.departments) {
    if (!department.transitions.empty()) computed[department.name] = department.transitions;
    for (const auto& [move, patients] : department.transitions) rerated += patients;
    // The changes table counts the same patients.
    int64_t here = 0;
    for (const auto& [move, patients] : department.transitions) here += patients;
    EXPECT_EQ(here, department.change.in_both_months) << department.name;
  }
  EXPECT_EQ(computed, expected);
  EXPECT_GT(rerated, 100) << "the test means something only with many re-rated patients";
}

TEST_F(ClusterTransitionsTest, ThePublishedTableHidesEverySmallCount) {
  Result<PilotReport> report =
      BuildPilotReport(figures_, SuppressionLimits{.suppress_below = 5}, "2026-11-02T00:00:00Z");
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  const ReportTable* table = report.value().Find(table_id::kTransitions);
  ASSERT_NE(table, nullptr);
  int hidden = 0;
  int shown = 0;
  for (const ReportRow& row : table->rows) {
    for (const ReportCell& cell : row.cells) {
      if (cell.kind != CellKind::kCount) continue;
      if (cell.Hidden()) {
        ++hidden;
        continue;
      }
      ++shown;
      EXPECT_TRUE(cell.integer == 0 || cell.integer >= 5) << row.key << ": " << cell.integer;
    }
  }
  EXPECT_GT(hidden, 0);
  EXPECT_GT(shown, 0);
}

}  // namespace
}  // namespace clusterpilot
