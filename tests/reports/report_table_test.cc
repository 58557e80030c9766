// A cell address outside the table, or a column key nobody defined, is a bug
// in the code that lays out the report: it must stop the program with a
// message naming the table, not read past the end of a vector.
#include "reports/report_table.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

ReportTable TwoByTwo() {
  ReportTable table;
  table.id = "activity";
  table.columns = {{"patients", "Patients", CellKind::kCount, 1},
                   {"coverage", "Coverage", CellKind::kPercent, 1}};
  table.rows = {
      {"department:A", "A", RowStyle::kNormal, {ReportCell::Count(7), ReportCell::Percent(1, 2)}},
      {"institution",
       "Institution",
       RowStyle::kTotal,
       {ReportCell::Count(9), ReportCell::Percent(2, 3)}}};
  return table;
}

TEST(ReportTableTest, FindsCellsByPositionAndByColumnKey) {
  ReportTable table = TwoByTwo();
  EXPECT_EQ(table.At(1, 0).integer, 9);
  EXPECT_EQ(table.At(0, "coverage").real, 0.5);
  table.At(1, "patients").privacy = CellPrivacy::kProtective;
  EXPECT_TRUE(table.At(1, 0).Hidden());
  EXPECT_EQ(table.ColumnOf("coverage"), 1);
  EXPECT_EQ(table.ColumnIndex("coverag"), -1);
  EXPECT_EQ(table.RowIndex("institution"), 1);
}

using ReportTableDeathTest = ::testing::Test;

TEST_F(ReportTableDeathTest, AnUnknownColumnKeyStopsWithTheKey) {
  const ReportTable table = TwoByTwo();
  EXPECT_DEATH(table.At(0, "coverag"), "report table \"activity\": no column \"coverag\"");
  EXPECT_DEATH(table.ColumnOf("patient"), "report table \"activity\": no column \"patient\"");
}

TEST_F(ReportTableDeathTest, APositionOutsideTheTableStopsWithThePosition) {
  ReportTable table = TwoByTwo();
  // What a missing key used to turn into: ColumnIndex's -1.
  EXPECT_DEATH(table.At(0, table.ColumnIndex("coverag")),
               "report table \"activity\": no cell at row 0, column -1 \\(2 rows\\)");
  EXPECT_DEATH(table.At(2, 0), "report table \"activity\": no cell at row 2, column 0");
  EXPECT_DEATH(table.At(-1, 0), "no cell at row -1, column 0");
  EXPECT_DEATH(table.At(1, 2), "no cell at row 1, column 2");
}

// "<5%" would read as a small percentage; "n<5" says a count is hidden.
TEST(ReportTableTest, ASmallCountInAPercentageColumnReadsAsACount) {
  ReportCell small = ReportCell::Percent(3, 40);
  small.privacy = CellPrivacy::kSmall;
  ReportCell protective = ReportCell::Percent(30, 40);
  protective.privacy = CellPrivacy::kProtective;
  const ReportColumn percent{"share", "Share", CellKind::kPercent, 1};
  const ReportColumn count{"patients", "Patients", CellKind::kCount, 1};
  EXPECT_EQ(HiddenMarker(small, percent, 5), "n<5");
  EXPECT_EQ(HiddenMarker(small, count, 5), "<5");
  EXPECT_EQ(HiddenMarker(small, 5), "<5");
  EXPECT_EQ(HiddenMarker(protective, percent, 5), "x");
  EXPECT_EQ(HiddenMarker(ReportCell::Count(7), percent, 5), "");
}

}  // namespace
}  // namespace clusterpilot
