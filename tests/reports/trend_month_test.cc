// A month's trend counts, kept in the store once counted (schema version 11):
// the kept counts are used while the month is unchanged, and a new rating,
// classification, review or model of the month makes the report count the
// month's rows again.
#include "reports/trend_month.h"

#include <gtest/gtest.h>

#include "store/month_summary.h"
#include "store/sql_statement.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

const CalendarMonth kMonth{2026, 5};

class TrendMonthTest : public testing::Test {
 protected:
  TrendMonthTest() : fixture_(TestStoreLocationOf(dir_)) {}

  TrendMonth Load() {
    Result<TrendMonth> month = LoadTrendMonth(fixture_.store(), kMonth);
    EXPECT_TRUE(month.ok()) << month.error().ToString();
    return month.ok() ? std::move(month).value() : TrendMonth{};
  }

  // Replaces the kept counts' text while leaving their stamp: what a report
  // reads afterwards tells whether it used the kept counts.
  void MarkKeptCounts() {
    SqlStatement mark(fixture_.store(), "UPDATE month_summary SET summary = ?1");
    mark.BindText(1, EncodeTrendMonth(TrendMonth{kMonth, {{"Marked", {}, {}, {}}}}));
    ASSERT_TRUE(mark.Run().ok());
  }

  bool UsedKeptCounts() {
    const TrendMonth month = Load();
    return month.departments.size() == 1 && month.departments[0].department == "Marked";
  }

  ScopedTempDir dir_;
  ReportStore fixture_;
};

TEST_F(TrendMonthTest, TextFormRoundTripsAnyDepartmentName) {
  TrendMonth month{kMonth, {}};
  DepartmentMonthCounts odd;
  odd.department = "Ouderen: 12 3\tzorg\xc3\xa9";
  odd.clusters.by_cluster[21] = 4;
  odd.clusters.not_classified = 2;
  odd.fit.by_flag[4] = 7;
  odd.activity.changed = 9;
  month.departments = {odd, DepartmentMonthCounts{"B", {}, {}, {}}};
  const std::optional<TrendMonth> back = DecodeTrendMonth(kMonth, EncodeTrendMonth(month));
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->departments.size(), 2u);
  EXPECT_EQ(back->departments[0].department, odd.department);
  EXPECT_EQ(back->departments[0].clusters.by_cluster[21], 4);
  EXPECT_EQ(back->departments[0].clusters.not_classified, 2);
  EXPECT_EQ(back->departments[0].fit.by_flag[4], 7);
  EXPECT_EQ(back->departments[0].activity.changed, 9);
  EXPECT_EQ(back->departments[1].department, "B");
}

TEST_F(TrendMonthTest, TextOfAnotherFormIsNotRead) {
  const std::string text = EncodeTrendMonth(TrendMonth{kMonth, {{"A", {}, {}, {}}}});
  EXPECT_FALSE(DecodeTrendMonth(kMonth, "trend-month 0\n").has_value());
  EXPECT_FALSE(DecodeTrendMonth(kMonth, text.substr(0, text.size() - 3)).has_value());
  EXPECT_FALSE(DecodeTrendMonth(kMonth, text + "9:A 1\n").has_value());
}

TEST_F(TrendMonthTest, CountsTheMonthAndKeepsTheCounts) {
  fixture_.AddModel();
  const int64_t a = fixture_.AddMeasurement("P1", "A", "2026-05-03");
  const int64_t b = fixture_.AddMeasurement("P2", "A", "2026-05-04");
  fixture_.AddMeasurement("P3", "B", "2026-04-30");  // the month before
  fixture_.Classify(a, 3, "3:1.0000");
  fixture_.Classify(b, 12, "12:1.0000", kFlagAtypical);
  fixture_.Override(b, 13);

  const TrendMonth month = Load();
  ASSERT_EQ(month.departments.size(), 1u);
  EXPECT_EQ(month.departments[0].department, "A");
  EXPECT_EQ(month.departments[0].clusters.by_cluster[3], 1);
  EXPECT_EQ(month.departments[0].clusters.by_cluster[13], 1);
  EXPECT_EQ(month.departments[0].fit.classified, 2);
  EXPECT_EQ(month.departments[0].activity.reviewed, 1);
  EXPECT_EQ(month.departments[0].activity.changed, 1);

  MarkKeptCounts();
  EXPECT_TRUE(UsedKeptCounts());
}

TEST_F(TrendMonthTest, ChangesElsewhereLeaveTheKeptCounts) {
  fixture_.AddModel();
  const int64_t a = fixture_.AddMeasurement("P1", "A", "2026-05-03");
  fixture_.Classify(a, 3, "3:1.0000");
  Load();
  MarkKeptCounts();
  const int64_t later = fixture_.AddMeasurement("P1", "A", "2026-06-03");
  fixture_.Classify(later, 4, "4:1.0000");
  fixture_.Override(later, 5);
  EXPECT_TRUE(UsedKeptCounts());
}

TEST_F(TrendMonthTest, ANewRatingOfTheMonthIsCounted) {
  fixture_.AddModel();
  fixture_.Classify(fixture_.AddMeasurement("P1", "A", "2026-05-03"), 3, "3:1.0000");
  Load();
  MarkKeptCounts();
  fixture_.AddMeasurement("P2", "A", "2026-05-28");
  EXPECT_FALSE(UsedKeptCounts());
  EXPECT_EQ(Load().departments[0].clusters.not_classified, 1);
}

TEST_F(TrendMonthTest, AReviewOfTheMonthIsCounted) {
  fixture_.AddModel();
  const int64_t a = fixture_.AddMeasurement("P1", "A", "2026-05-03");
  fixture_.Classify(a, 3, "3:1.0000");
  Load();
  MarkKeptCounts();
  fixture_.Override(a, 4);
  EXPECT_FALSE(UsedKeptCounts());
  EXPECT_EQ(Load().departments[0].clusters.by_cluster[4], 1);
}

TEST_F(TrendMonthTest, AClassificationOfAnUnclassifiedRatingIsCounted) {
  fixture_.AddModel();
  fixture_.Classify(fixture_.AddMeasurement("P1", "A", "2026-05-03"), 3, "3:1.0000");
  const int64_t waiting = fixture_.AddMeasurement("P2", "A", "2026-05-04");
  EXPECT_EQ(Load().departments[0].clusters.not_classified, 1);
  MarkKeptCounts();
  fixture_.Classify(waiting, 7, "7:1.0000");
  EXPECT_FALSE(UsedKeptCounts());
  EXPECT_EQ(Load().departments[0].clusters.by_cluster[7], 1);
}

TEST_F(TrendMonthTest, ANewModelIsCounted) {
  fixture_.AddModel("m", "1");
  const int64_t a = fixture_.AddMeasurement("P1", "A", "2026-05-03");
  fixture_.Classify(a, 3, "3:1.0000");
  Load();
  MarkKeptCounts();
  fixture_.AddModel("m", "2");
  EXPECT_FALSE(UsedKeptCounts());
  EXPECT_EQ(Load().departments[0].clusters.not_classified, 1);
}

}  // namespace
}  // namespace clusterpilot
