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

}  // namespace
}  // namespace clusterpilot
