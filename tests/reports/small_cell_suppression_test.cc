#include "reports/small_cell_suppression.h"

#include <gtest/gtest.h>

#include <random>

namespace clusterpilot {
namespace {

// A table of counts with a total column (last) and a total row (last).
ReportTable CountTable(const std::vector<std::vector<int64_t>>& inner,
                       std::vector<TableSum>* sums) {
  ReportTable table;
  const int rows = static_cast<int>(inner.size());
  const int columns = static_cast<int>(inner[0].size());
  for (int c = 0; c <= columns; ++c)
    table.columns.push_back({"c" + std::to_string(c), "", CellKind::kCount, 1});
  std::vector<int64_t> column_totals(columns + 1, 0);
  for (int r = 0; r < rows; ++r) {
    ReportRow row{"r" + std::to_string(r), "", RowStyle::kNormal, {}};
    int64_t total = 0;
    for (int c = 0; c < columns; ++c) {
      row.cells.push_back(ReportCell::Count(inner[r][c]));
      total += inner[r][c];
      column_totals[c] += inner[r][c];
    }
    row.cells.push_back(ReportCell::Count(total));
    column_totals[columns] += total;
    table.rows.push_back(row);
  }
  ReportRow total_row{"total", "", RowStyle::kTotal, {}};
  for (int64_t total : column_totals) total_row.cells.push_back(ReportCell::Count(total));
  table.rows.push_back(total_row);
  for (int r = 0; r <= rows; ++r) {
    TableSum sum{{r, columns}, {}};
    for (int c = 0; c < columns; ++c) sum.parts.push_back({r, c});
    sums->push_back(sum);
  }
  for (int c = 0; c <= columns; ++c) {
    TableSum sum{{rows, c}, {}};
    for (int r = 0; r < rows; ++r) sum.parts.push_back({r, c});
    sums->push_back(sum);
  }
  return table;
}

TEST(SmallCellSuppressionTest, HidesSmallCountsButNotZeros) {
  std::vector<TableSum> sums;
  ReportTable table = CountTable({{0, 4, 5, 120}}, &sums);
  HideSmallCounts(&table, 5);
  EXPECT_EQ(table.At(0, 0).privacy, CellPrivacy::kShown);
  EXPECT_EQ(table.At(0, 1).privacy, CellPrivacy::kSmall);
  EXPECT_EQ(table.At(0, 2).privacy, CellPrivacy::kShown);
  EXPECT_EQ(HiddenMarker(table.At(0, 1), 5), "<5");
  EXPECT_EQ(HiddenMarker(table.At(0, 1), 10), "<10");
}

TEST(SmallCellSuppressionTest, ALoneSmallCellGetsACompanionInEverySum) {
  std::vector<TableSum> sums;
  ReportTable table = CountTable({{3, 40, 50}, {30, 60, 70}}, &sums);
  HideSmallCounts(&table, 5);
  EXPECT_FALSE(SumsProtectSmallCells(table, sums, 5));  // 3 = row total - 40 - 50
  ProtectSums(&table, sums, 5);
  EXPECT_TRUE(SumsProtectSmallCells(table, sums, 5));
  EXPECT_EQ(table.At(0, 0).privacy, CellPrivacy::kSmall);
  // The smallest shown cells of the row and the column are hidden with it.
  EXPECT_EQ(table.At(0, 1).privacy, CellPrivacy::kProtective);
  EXPECT_EQ(table.At(1, 0).privacy, CellPrivacy::kProtective);
  EXPECT_EQ(HiddenMarker(table.At(1, 0), 5), "x");
  EXPECT_EQ(table.At(2, 3).privacy, CellPrivacy::kShown);  // the grand total stays
}

TEST(SmallCellSuppressionTest, TwoSmallCellsThatPinEachOtherGetMoreCompany) {
  // Row: 1 + 1 + 50 = 52. Hiding both 1s alone leaves 52 - 50 = 2 = 1 + 1.
  std::vector<TableSum> sums;
  ReportTable table = CountTable({{1, 1, 50}}, &sums);
  HideSmallCounts(&table, 5);
  ProtectSums(&table, sums, 5);
  EXPECT_TRUE(SumsProtectSmallCells(table, sums, 5));
  EXPECT_TRUE(table.At(0, 2).Hidden());
}

TEST(SmallCellSuppressionTest, HideWithFollowsTheSource) {
  std::vector<TableSum> sums;
  ReportTable table = CountTable({{2, 40}}, &sums);
  HideSmallCounts(&table, 5);
  HideWith(&table, {0, 0}, {0, 1});
  HideWith(&table, {0, 1}, {0, 2});
  EXPECT_EQ(table.At(0, 1).privacy, CellPrivacy::kProtective);
  EXPECT_EQ(table.At(0, 2).privacy, CellPrivacy::kProtective);
}

// Many random tables: no small cell can ever be pinned down from the sums.
TEST(SmallCellSuppressionTest, RandomTablesAreAlwaysProtected) {
  std::mt19937 random(11);
  for (int trial = 0; trial < 300; ++trial) {
    const int rows = 1 + static_cast<int>(random() % 8);
    const int columns = 1 + static_cast<int>(random() % 6);
    std::vector<std::vector<int64_t>> inner(rows, std::vector<int64_t>(columns));
    for (auto& row : inner) {
      for (int64_t& cell : row) {
        const int kind = static_cast<int>(random() % 4);
        cell = kind == 0 ? 0 : kind == 1 ? 1 + random() % 4 : 5 + random() % 60;
      }
    }
    std::vector<TableSum> sums;
    ReportTable table = CountTable(inner, &sums);
    HideSmallCounts(&table, 5);
    ProtectSums(&table, sums, 5);
    ASSERT_TRUE(SumsProtectSmallCells(table, sums, 5)) << "trial " << trial;
  }
}

}  // namespace
}  // namespace clusterpilot
