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

namespace clusterpilot {
namespace {

// One count column and a derived column (its amount) with its own sum: a
// small count hides its amount, and then the amount's sum needs a companion.
ReportTable CountsWithAmounts(const std::vector<int64_t>& counts, TableRelations* relations) {
  ReportTable table;
  table.id = "amounts";
  table.columns = {{"patients", "", CellKind::kCount, 1}, {"euros", "", CellKind::kEuros, 1}};
  int64_t total = 0;
  for (size_t r = 0; r < counts.size(); ++r) {
    table.rows.push_back({"r" + std::to_string(r),
                          "",
                          RowStyle::kNormal,
                          {ReportCell::Count(counts[r]), ReportCell::Euros(counts[r] * 1000)}});
    total += counts[r];
  }
  table.rows.push_back(
      {"total", "", RowStyle::kTotal, {ReportCell::Count(total), ReportCell::Euros(total * 1000)}});
  const int total_row = static_cast<int>(counts.size());
  TableSum euros{{total_row, 1}, {}};
  for (int r = 0; r < total_row; ++r) {
    euros.parts.push_back({r, 1});
    relations->links.push_back({{r, 0}, {r, 1}});
  }
  relations->sums = {euros};
  return table;
}

TEST(SmallCellSuppressionTest, SettlesWhenLinksAndSumsNeedSeveralRounds) {
  TableRelations relations;
  ReportTable table = CountsWithAmounts({3, 40, 50}, &relations);
  const Status status = SuppressSmallCells(&table, relations, SuppressionLimits{});
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  EXPECT_EQ(table.At(0, 0).privacy, CellPrivacy::kSmall);
  EXPECT_EQ(table.At(0, 1).privacy, CellPrivacy::kProtective);  // the small count's amount
  EXPECT_EQ(table.At(1, 1).privacy, CellPrivacy::kProtective);  // its companion in the sum
  EXPECT_EQ(table.At(2, 1).privacy, CellPrivacy::kShown);
  EXPECT_EQ(table.At(3, 1).privacy, CellPrivacy::kShown);
}

// Round 1 follows the link and unsettles the amounts' sum; a limit of one
// round must refuse rather than hand back a table with a lone hidden amount.
TEST(SmallCellSuppressionTest, FailsLoudlyWhenItDoesNotSettleInTheAllowedRounds) {
  TableRelations relations;
  ReportTable table = CountsWithAmounts({3, 40, 50}, &relations);
  const Status status = SuppressSmallCells(&table, relations,
                                           SuppressionLimits{.suppress_below = 5, .max_rounds = 1});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            "table \"amounts\": hiding small numbers did not settle after 1 rounds; the report "
            "is not written (a bug: please report it)");
}

TEST(SmallCellSuppressionTest, ATableWithoutSmallCountsSettlesInOneRound) {
  TableRelations relations;
  ReportTable table = CountsWithAmounts({30, 40, 50}, &relations);
  ASSERT_TRUE(SuppressSmallCells(&table, relations, SuppressionLimits{.max_rounds = 1}).ok());
  EXPECT_FALSE(table.Has(CellPrivacy::kSmall));
  EXPECT_FALSE(table.Has(CellPrivacy::kProtective));
}

}  // namespace
}  // namespace clusterpilot
