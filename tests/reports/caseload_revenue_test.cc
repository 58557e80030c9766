// Whole-caseload revenue (issue 10, item 2): every billed patient priced at
// their valid cluster. The figures are recomputed here by one SQL query
// written apart from the report's code, through plain SQLite, and must agree
// to the cent in every department.
#include "reports/caseload_revenue.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "core/care_cluster.h"
#include "reports/monthly_figures.h"
#include "store/sql_statement.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const CalendarMonth kMonth{2026, 10};

TariffTable Tariffs() {
  TariffTable tariffs;
  for (int cluster = 1; cluster <= kHighestCareCluster; ++cluster) {
    if (!IsCareCluster(cluster)) continue;
    tariffs.by_cluster[cluster] = {40000 + cluster * 1013, 90000 + cluster * 2017,
                                   150000 + cluster * 3011};
  }
  return tariffs;
}

// Patients rated now and then over the last 15 months, besides the fixture's
// monthly ones, and the edges of the review periods on purpose.
void AddSparsePatients(ReportStore* fixture) {
  std::mt19937_64 random(17);
  const int clusters[] = {1, 2, 3, 5, 7, 8, 10, 12, 14, 15, 16, 18, 19, 21};
  fixture->InOneTransaction([&] {
    for (int p = 0; p < 240; ++p) {
      const std::string patient = "Q" + std::to_string(5000 + p);
      const std::string department = std::string("Department ") + "ABCD"[p % 4];
      const int ratings = 1 + static_cast<int>(random() % 2);
      for (int r = 0; r < ratings; ++r) {
        const CalendarMonth month = kMonth.Plus(-static_cast<int>(random() % 15));
        char date[16];
        std::snprintf(date, sizeof date, "%s-%02d", month.Key().c_str(),
                      1 + static_cast<int>(random() % month.Days()));
        const int cluster = clusters[random() % std::size(clusters)];
        const int64_t id = fixture->AddMeasurement(patient, department, date);
        if (random() % 10 == 0) continue;  // never classified
        fixture->Classify(id, random() % 15 == 0 ? 0 : cluster, std::to_string(cluster) + ":1");
        if (random() % 6 == 0) fixture->Override(id, clusters[random() % std::size(clusters)]);
      }
    }
    auto rated = [&](const std::string& patient, const char* date, int cluster) {
      fixture->Classify(fixture->AddMeasurement(patient, "Department A", date), cluster,
                        std::to_string(cluster) + ":1");
    };
    rated("E1", "2026-09-03", 14);  // 4 weeks: valid until 1 October
    rated("E2", "2026-09-02", 14);  // ... until 30 September: too old
    rated("E3", "2026-03-31", 5);   // 6 months: until 30 September
    rated("E4", "2025-10-01", 7);   // a year: until 1 October, first day of the window
    rated("E5", "2025-09-30", 7);   // before the window
    rated("E6", "2026-01-10", 7);   // valid, but superseded by
    rated("E6", "2026-08-01", 1);   // ... 12 weeks: until 24 October
    rated("E7", "2026-01-10", 7);   // valid, but superseded by
    rated("E7", "2026-06-01", 14);  // ... an expired rating
  });
}

// Bills every (patient, department) the store knows, plus patients never
// rated and one billed in another department than the one that rated them.
std::vector<RevenueEntry> Billing(Store& store) {
  std::mt19937_64 random(23);
  std::vector<RevenueEntry> billed;
  SqlStatement select(store, "SELECT DISTINCT patient_id, department FROM measurement");
  while (select.Step()) {
    billed.push_back({0, std::string(select.Text(0)), std::string(select.Text(1)), kMonth,
                      10000 + static_cast<int64_t>(random() % 400000)});
  }
  for (int p = 0; p < 25; ++p) {
    billed.push_back({0, "N" + std::to_string(p), std::string("Department ") + "ABCD"[p % 4],
                      kMonth, 5000 + static_cast<int64_t>(random() % 90000)});
  }
  billed.push_back({0, "E1", "Department B", kMonth, 12345});
  return billed;
}

std::string BilledAndTariffSql(const std::vector<RevenueEntry>& billed,
                               const TariffTable& tariffs) {
  std::string sql =
      "CREATE TABLE test_billed(patient TEXT, department TEXT, cents INTEGER);"
      "CREATE TABLE test_tariff(cluster INTEGER PRIMARY KEY, low INTEGER, likely INTEGER, "
      "high INTEGER);";
  for (const RevenueEntry& entry : billed) {
    sql += "INSERT INTO test_billed VALUES('" + entry.patient_id + "','" + entry.department + "'," +
           std::to_string(entry.amount_cents) + ");";
  }
  for (int cluster = 1; cluster <= kHighestCareCluster; ++cluster) {
    if (!IsCareCluster(cluster)) continue;
    const ClusterTariff& t = tariffs.by_cluster[cluster];
    sql += "INSERT INTO test_tariff VALUES(" + std::to_string(cluster) + "," +
           std::to_string(t.low_cents) + "," + std::to_string(t.expected_cents) + "," +
           std::to_string(t.high_cents) + ");";
  }
  return sql;
}

// The definition in SQL: the latest rating per patient and department from
// 2025-10-01 on; the clinician's latest cluster, else the current model's;
// valid when rating date + review period (months clamped to the month's
// last day) is on or after 2026-10-01.
constexpr const char* kExpectedSql = R"sql(
CREATE TABLE test_expected AS
WITH ranked AS (
  SELECT id, patient_id, department, rating_date,
         row_number() OVER (PARTITION BY patient_id, department
                            ORDER BY rating_date DESC, id DESC) AS rank
  FROM measurement WHERE rating_date >= '2025-10-01' AND rating_date < '2026-11-01'),
latest AS (
  SELECT r.patient_id, r.department, r.rating_date,
         coalesce((SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = r.id
                   ORDER BY o.id DESC LIMIT 1),
                  (SELECT c.cluster FROM current_classification c
                   WHERE c.measurement_id = r.id)) AS cluster
  FROM ranked r WHERE rank = 1),
period AS (
  SELECT *, CASE WHEN cluster = 1 THEN date(rating_date, '+84 days')
                 WHEN cluster = 2 THEN date(rating_date, '+105 days')
                 WHEN cluster IN (14, 15) THEN date(rating_date, '+28 days')
                 ELSE min(date(rating_date, '+' || months || ' months'),
                          date(rating_date, 'start of month', '+' || (months + 1) || ' months',
                               '-1 day')) END AS valid_until
  FROM (SELECT *, CASE WHEN cluster IN (3, 4, 5, 6, 16, 17, 19, 20, 21) THEN 6 ELSE 12 END
                  AS months FROM latest)),
valid AS (SELECT * FROM period WHERE cluster IS NOT NULL AND valid_until >= '2026-10-01')
SELECT b.department,
       count(*) AS billed, sum(b.cents) AS billed_cents,
       count(v.cluster) AS valid, total(CASE WHEN v.cluster IS NULL THEN 0 ELSE b.cents END)
         AS valid_cents,
       total(t.low) AS low, total(t.likely) AS likely, total(t.high) AS high
FROM test_billed b
LEFT JOIN valid v ON v.patient_id = b.patient AND v.department = b.department
LEFT JOIN test_tariff t ON t.cluster = v.cluster
GROUP BY b.department;
)sql";

TEST(CaseloadRevenueTest, IndependentSqlAgreesToTheCentInEveryDepartment) {
  ScopedTempDir dir;
  ReportStore fixture(dir.File("store.db"));
  FillSyntheticStore(&fixture, SyntheticStoreOptions{.patients = 160, .departments = 4});
  AddSparsePatients(&fixture);
  Store& store = fixture.store();
  const TariffTable tariffs = Tariffs();
  RevenueMonth revenue;
  revenue.file_name = "revenue.csv";
  revenue.entries = Billing(store);
  revenue.rated_in_last_year.assign(revenue.entries.size(), false);

  Result<MonthSnapshot> current = LoadMonthSnapshot(store, kMonth);
  ASSERT_TRUE(current.ok());
  Result<MonthSnapshot> earlier =
      LoadEarlierRatings(store, kMonth, 12, PatientsToLookBack(current.value(), revenue.entries));
  ASSERT_TRUE(earlier.ok());
  const MonteCarloOptions options{200, 1, 1};
  const MonthlyFigures figures = ComputeMonthlyFigures(FigureInputs{.current = &current.value(),
                                                                    .earlier = &earlier.value(),
                                                                    .tariffs = &tariffs,
                                                                    .revenue = &revenue,
                                                                    .monte_carlo = options});

  RunSqlite(dir.File("store.db"), BilledAndTariffSql(revenue.entries, tariffs) + kExpectedSql);
  SqlStatement expected(store, "SELECT * FROM test_expected ORDER BY department");
  size_t department = 0;
  int64_t valid = 0;
  int64_t without = 0;
  while (expected.Step()) {
    ASSERT_LT(department, figures.departments.size());
    const DepartmentFigures& d = figures.departments[department++];
    SCOPED_TRACE(d.name);
    EXPECT_EQ(d.name, expected.Text(0));
    EXPECT_EQ(d.caseload.billed_patients, expected.Int(1));
    EXPECT_EQ(d.caseload.billed_cents, expected.Int(2));
    EXPECT_EQ(d.caseload.valid_patients(), expected.Int(3));
    EXPECT_EQ(d.caseload.valid_billed_cents, expected.Int(4));
    EXPECT_EQ(d.caseload.scenario.low_cents, expected.Int(5));
    EXPECT_EQ(d.caseload.scenario.expected_cents, expected.Int(6));
    EXPECT_EQ(d.caseload.scenario.high_cents, expected.Int(7));
    valid += d.caseload.valid_patients();
    without += d.caseload.without_valid_patients();
  }
  EXPECT_EQ(department, figures.departments.size());
  // The test means something: both kinds of patient occur in numbers.
  EXPECT_GT(valid, 150);
  EXPECT_GT(without, 60);
  EXPECT_EQ(figures.institution.caseload.valid_patients(), valid);
}

PatientMonth Rated(const char* date, int cluster) {
  PatientMonth patient;
  patient.rating_date = date;
  patient.classified = true;
  patient.algorithm_cluster = cluster;
  return patient;
}

TEST(CaseloadRevenueTest, ValidUntilTheReviewPeriodEnds) {
  EXPECT_TRUE(HoldsValidCluster(Rated("2026-09-03", 14), kMonth));
  EXPECT_FALSE(HoldsValidCluster(Rated("2026-09-02", 14), kMonth));
  EXPECT_TRUE(HoldsValidCluster(Rated("2026-04-01", 5), kMonth));
  EXPECT_FALSE(HoldsValidCluster(Rated("2026-03-31", 5), kMonth));
  EXPECT_TRUE(HoldsValidCluster(Rated("2025-10-01", 7), kMonth));
  EXPECT_TRUE(HoldsValidCluster(Rated("2026-10-31", 14), kMonth));  // rated in the month
  EXPECT_FALSE(HoldsValidCluster(Rated("2026-10-10", 0), kMonth));  // no cluster
  PatientMonth overridden = Rated("2026-09-10", 14);
  overridden.clinician_cluster = 7;  // the clinician's cluster sets the period
  EXPECT_TRUE(HoldsValidCluster(overridden, CalendarMonth{2027, 9}));
}

}  // namespace
}  // namespace clusterpilot
