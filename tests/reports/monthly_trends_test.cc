// The report's trends (issue 14, item 4) against SQL written apart from the
// report's code: per month and department, the patients rated (latest
// rating each), their clusters by supercluster, poor fit, reviews and
// overrides, cluster revenue and today's revenue, as the three trend
// tables lay them out before anything is hidden.
#include "reports/monthly_trends.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <tuple>

#include "core/cluster_assignment.h"
#include "reports/cluster_distribution.h"
#include "reports/month_snapshot.h"
#include "reports/monthly_report.h"
#include "reports/report_keys.h"
#include "reports/trend_tables.h"
#include "store/sql_statement.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const CalendarMonth kMonth{2026, 10};

// Each patient's latest rating per month and department, with the cluster
// the report uses: the clinician's latest override (0: none fits), else the
// current model's (NULL: none fits), else not classified.
constexpr const char* kPatientsSql = R"sql(
WITH ranked AS (
  SELECT id, department, substr(rating_date, 1, 7) AS month,
         row_number() OVER (PARTITION BY substr(rating_date, 1, 7), patient_id, department
                            ORDER BY rating_date DESC, id DESC) AS rank
  FROM measurement WHERE rating_date >= '2025-11-01' AND rating_date < '2026-11-01'),
decided AS (
  SELECT r.month, r.department, c.id AS classification, c.cluster AS model, c.flags,
         (SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = r.id
          ORDER BY o.id DESC LIMIT 1) AS clinician
  FROM ranked r LEFT JOIN current_classification c ON c.measurement_id = r.id
  WHERE r.rank = 1)
SELECT month, department,
       CASE WHEN clinician = 0 THEN -1
            WHEN clinician IS NOT NULL THEN clinician
            WHEN classification IS NULL THEN -2
            ELSE coalesce(model, 0) END AS cluster,
       classification IS NOT NULL AS classified,
       classification IS NOT NULL AND ((flags & ?1) <> 0 OR clinician = 0) AS poor,
       count(*)
FROM decided GROUP BY 1, 2, 3, 4, 5;
)sql";

// Every measurement of each month: classified, reviewed (with an override),
// and changed (the override names another cluster than the model).
constexpr const char* kActivitySql = R"sql(
WITH decided AS (
  SELECT substr(m.rating_date, 1, 7) AS month, m.department, c.id AS classification,
         coalesce(c.cluster, 0) AS model,
         (SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = m.id
          ORDER BY o.id DESC LIMIT 1) AS clinician
  FROM measurement m LEFT JOIN current_classification c ON c.measurement_id = m.id
  WHERE m.rating_date >= '2025-11-01' AND m.rating_date < '2026-11-01')
SELECT month, department, count(classification),
       sum(classification IS NOT NULL AND clinician IS NOT NULL),
       sum(classification IS NOT NULL AND clinician IS NOT NULL AND clinician <> model)
FROM decided GROUP BY 1, 2;
)sql";

struct Expected {
  int64_t patients = 0;
  std::map<Supercluster, int64_t> by_supercluster;
  int64_t without_cluster = 0;
  int64_t classified = 0;
  int64_t poor_fit = 0;
  int64_t priced = 0;
  int64_t expected_cents = 0;
  int64_t measurements_classified = 0;
  int64_t reviewed = 0;
  int64_t changed = 0;
};

// (month, department) -> what the SQL says.
using ExpectedTrends = std::map<std::pair<std::string, std::string>, Expected>;

class MonthlyTrendsTest : public testing::Test {
 protected:
  void SetUp() override {
    fixture_ = std::make_unique<ReportStore>(dir_.File("store.db"));
    FillSyntheticStore(
        fixture_.get(),
        SyntheticStoreOptions{
            .patients = 300, .departments = 3, .months = 5, .unclassified_share = 0.05});
    for (int cluster : {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}) {
      tariffs_.by_cluster[cluster] = ClusterTariff{cluster * 1000, cluster * 1500, cluster * 2000};
    }
    std::vector<MonthSnapshot> loaded;
    for (int back = kTrendMonths - 1; back >= 0; --back) {
      Result<MonthSnapshot> snapshot = LoadMonthClusters(fixture_->store(), kMonth.Plus(-back));
      ASSERT_TRUE(snapshot.ok()) << snapshot.error().ToString();
      loaded.push_back(std::move(snapshot).value());
    }
    snapshots_ = std::move(loaded);
    std::vector<const MonthSnapshot*> months;
    for (const MonthSnapshot& snapshot : snapshots_) months.push_back(&snapshot);
    // Revenue for two months only: the others have no current revenue.
    revenue_ = {RevenueEntry{2, "P1", "Department A", kMonth, 12345},
                RevenueEntry{3, "P2", "Department A", kMonth, 100},
                RevenueEntry{4, "P3", "Department B", kMonth.Plus(-2), 99900}};
    trends_ = ComputeMonthlyTrends(months, tariffs_, revenue_);
  }

  ExpectedTrends FromSql() {
    ExpectedTrends expected;
    SqlStatement patients(fixture_->store(), kPatientsSql);
    patients.BindInt(1, kPoorFitFlags);
    while (patients.Step()) {
      Expected& e = expected[{std::string(patients.Text(0)), std::string(patients.Text(1))}];
      const int cluster = static_cast<int>(patients.Int(2));
      const int64_t count = patients.Int(5);
      e.patients += count;
      e.classified += patients.Int(3) != 0 ? count : 0;
      e.poor_fit += patients.Int(4) != 0 ? count : 0;
      const Supercluster supercluster = SuperclusterOf(cluster);
      if (cluster > 0 && supercluster != Supercluster::kNone) {
        e.by_supercluster[supercluster] += count;
        e.priced += count;
        e.expected_cents += count * tariffs_.by_cluster[cluster].expected_cents;
      } else {
        e.without_cluster += count;
      }
    }
    EXPECT_TRUE(patients.status().ok()) << patients.status().error().ToString();
    SqlStatement activity(fixture_->store(), kActivitySql);
    while (activity.Step()) {
      Expected& e = expected[{std::string(activity.Text(0)), std::string(activity.Text(1))}];
      e.measurements_classified = activity.Int(2);
      e.reviewed = activity.Int(3);
      e.changed = activity.Int(4);
    }
    EXPECT_TRUE(activity.status().ok()) << activity.status().error().ToString();
    return expected;
  }

  ScopedTempDir dir_;
  std::unique_ptr<ReportStore> fixture_;
  TariffTable tariffs_;
  std::vector<MonthSnapshot> snapshots_;
  std::vector<RevenueEntry> revenue_;
  MonthlyTrends trends_;
};

int64_t Count(const ReportTable& table, const std::string& row, const char* column) {
  const int r = table.RowIndex(row);
  EXPECT_GE(r, 0) << row;
  return r < 0 ? -1 : table.At(r, column).integer;
}

TEST_F(MonthlyTrendsTest, TheTablesEqualIndependentSql) {
  const ExpectedTrends expected = FromSql();
  ASSERT_EQ(trends_.months.size(), 12u);
  EXPECT_EQ(trends_.months.front(), CalendarMonth(2025, 11));
  const ReportTable trends = TrendsTable(trends_).table;
  const ReportTable reviews = TrendReviewsTable(trends_).table;
  const ReportTable revenue = TrendRevenueTable(trends_, tariffs_).table;
  ASSERT_EQ(trends.rows.size(), 12u * (trends_.departments.size() + 1));
  int months_with_patients = 0;
  for (const DepartmentTrend& department : trends_.departments) {
    for (const CalendarMonth& month : trends_.months) {
      const std::string row = TrendRowKey(DepartmentKey(department.name), month);
      auto found = expected.find({month.Key(), department.name});
      const Expected e = found == expected.end() ? Expected() : found->second;
      SCOPED_TRACE(row);
      months_with_patients += e.patients > 0 ? 1 : 0;
      EXPECT_EQ(Count(trends, row, column_key::kPatients), e.patients);
      EXPECT_EQ(Count(trends, row, column_key::kNonPsychotic),
                e.by_supercluster.count(Supercluster::kNonPsychotic)
                    ? e.by_supercluster.at(Supercluster::kNonPsychotic)
                    : 0);
      EXPECT_EQ(Count(trends, row, column_key::kPsychotic),
                e.by_supercluster.count(Supercluster::kPsychotic)
                    ? e.by_supercluster.at(Supercluster::kPsychotic)
                    : 0);
      EXPECT_EQ(Count(trends, row, column_key::kOrganic),
                e.by_supercluster.count(Supercluster::kOrganic)
                    ? e.by_supercluster.at(Supercluster::kOrganic)
                    : 0);
      EXPECT_EQ(Count(trends, row, column_key::kWithoutCluster), e.without_cluster);
      EXPECT_EQ(Count(trends, row, column_key::kPoorFit), e.poor_fit);
      EXPECT_EQ(Count(reviews, row, column_key::kClassifiedMeasurements),
                e.measurements_classified);
      EXPECT_EQ(Count(reviews, row, column_key::kReviewed), e.reviewed);
      EXPECT_EQ(Count(reviews, row, column_key::kChanged), e.changed);
      EXPECT_EQ(Count(revenue, row, column_key::kPricedPatients), e.priced);
      EXPECT_EQ(Count(revenue, row, column_key::kTariffExpected), e.expected_cents);
    }
  }
  EXPECT_EQ(months_with_patients, 5 * 3) << "five months of three departments were rated";
}

TEST_F(MonthlyTrendsTest, TodaysRevenueOnlyWhereARevenueFileCoversTheMonth) {
  const ReportTable revenue = TrendRevenueTable(trends_, tariffs_).table;
  const std::string now = TrendRowKey(DepartmentKey("Department A"), kMonth);
  EXPECT_EQ(Count(revenue, now, column_key::kCurrent), 12445);
  EXPECT_EQ(Count(revenue, now, column_key::kDifference),
            Count(revenue, now, column_key::kTariffExpected) - 12445);
  // Covered, but nothing billed to this department: zero, not a dash.
  const std::string covered = TrendRowKey(DepartmentKey("Department A"), kMonth.Plus(-2));
  EXPECT_EQ(revenue.At(revenue.RowIndex(covered), column_key::kCurrent).kind, CellKind::kEuros);
  EXPECT_EQ(Count(revenue, covered, column_key::kCurrent), 0);
  const std::string other = TrendRowKey(DepartmentKey("Department B"), kMonth.Plus(-2));
  EXPECT_EQ(Count(revenue, other, column_key::kCurrent), 99900);
  // Not covered: a dash in both revenue columns.
  const int uncovered = revenue.RowIndex(TrendRowKey(kInstitution, kMonth.Plus(-1)));
  ASSERT_GE(uncovered, 0);
  EXPECT_EQ(revenue.At(uncovered, column_key::kCurrent).kind, CellKind::kEmpty);
  EXPECT_EQ(revenue.At(uncovered, column_key::kDifference).kind, CellKind::kEmpty);
  const int institution = revenue.RowIndex(TrendRowKey(kInstitution, kMonth));
  EXPECT_EQ(revenue.At(institution, column_key::kCurrent).integer, 12445);
}

// The institution's months are the sums of the departments', and each row's
// patients the sum of its superclusters and no cluster.
TEST_F(MonthlyTrendsTest, TheInstitutionIsTheSumOfTheDepartments) {
  const ReportTable trends = TrendsTable(trends_).table;
  for (const CalendarMonth& month : trends_.months) {
    int64_t patients = 0;
    for (const DepartmentTrend& department : trends_.departments) {
      const std::string row = TrendRowKey(DepartmentKey(department.name), month);
      const int64_t here = Count(trends, row, column_key::kPatients);
      patients += here;
      EXPECT_EQ(here, Count(trends, row, column_key::kNonPsychotic) +
                          Count(trends, row, column_key::kPsychotic) +
                          Count(trends, row, column_key::kOrganic) +
                          Count(trends, row, column_key::kWithoutCluster));
    }
    EXPECT_EQ(Count(trends, TrendRowKey(kInstitution, month), column_key::kPatients), patients);
  }
}

class TrendReportTest : public MonthlyTrendsTest {
 protected:
  ReportRequest Request(std::vector<std::string> revenue_files) {
    WriteFile(dir_.File("tariffs.csv"), PlausibleTariffCsv());
    ReportRequest request;
    request.month = kMonth;
    request.tariff_file = dir_.File("tariffs.csv");
    request.revenue_file = revenue_files.front();
    request.more_revenue_files.assign(revenue_files.begin() + 1, revenue_files.end());
    request.out_dir = dir_.File("report");
    request.monte_carlo.draws = 200;
    request.user = "test";
    return request;
  }
};

// `report --revenue` twice: October from one file, August from another; the
// trends show today's revenue for both months and a dash for the others,
// in Dutch, and the report (trends included) passes the disclosure audit.
TEST_F(TrendReportTest, TheReportWritesTheTrendsFromSeveralRevenueFiles) {
  WriteFile(dir_.File("october.csv"),
            "patient;department;month;amount\nP100001;Department A;2026-10;150\n");
  WriteFile(dir_.File("august.csv"),
            "patient;department;month;amount\nP100002;Department A;2026-08;1234,50\n"
            "P100003;Department A;2026-08;10\n");
  Result<ReportSummary> summary = WriteMonthlyReport(
      fixture_->store(), Request({dir_.File("october.csv"), dir_.File("august.csv")}));
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  const std::string revenue = ReadFile(dir_.File("report/trend_revenue.csv"));
  EXPECT_NE(revenue.find("Afdeling \xC2\xB7 maand;"), std::string::npos) << revenue;
  const std::regex august("\nInstelling \xC2\xB7 2026-08;[^;]*;[^;]*;1244,50;[^;]*\r\n");
  EXPECT_TRUE(std::regex_search(revenue, august)) << revenue;
  const std::regex september("\nInstelling \xC2\xB7 2026-09;[^;]*;[^;]*;;\r\n");
  EXPECT_TRUE(std::regex_search(revenue, september)) << revenue;
  EXPECT_NE(ReadFile(dir_.File("report/trends.csv")).find("Department A \xC2\xB7 2026-06;"),
            std::string::npos);
  EXPECT_NE(ReadFile(dir_.File("report/trend_reviews.csv")).find("Instelling \xC2\xB7 2025-11;"),
            std::string::npos);
  const std::string html = ReadFile(dir_.File("report/report.html"));
  EXPECT_NE(html.find("Laatste 12 maanden: gemeten patiënten per supercluster"), std::string::npos);
}

TEST_F(TrendReportTest, AMonthInTwoRevenueFilesIsRefused) {
  WriteFile(dir_.File("a.csv"),
            "patient;department;month;amount\nP100001;Department A;2026-10;1\n");
  WriteFile(dir_.File("b.csv"),
            "patient;department;month;amount\nP100002;Department A;2026-09;1\n"
            "P100003;Department A;2026-10;1\n");
  Result<ReportSummary> summary =
      WriteMonthlyReport(fixture_->store(), Request({dir_.File("a.csv"), dir_.File("b.csv")}));
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().ToString(),
            dir_.File("b.csv") + ":3: month \"2026-10\": this month is also in " +
                dir_.File("a.csv") + "; give each month in one revenue file only");
}

}  // namespace
}  // namespace clusterpilot
