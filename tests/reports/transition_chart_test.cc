// The transitions flow chart draws only what the published table shows: a
// hidden count is never a band of its own, a row's hidden cells together
// are one grey band when its re-rated total is shown, and nothing when it
// is hidden too.
#include "reports/transition_chart.h"

#include <gtest/gtest.h>

#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

ReportCell Hidden(int64_t count) {
  ReportCell cell = ReportCell::Count(count);
  cell.privacy = count < 5 ? CellPrivacy::kSmall : CellPrivacy::kProtective;
  return cell;
}

// Department "Acute": from 4, 20 re-rated: 12 stay, 6 to 7, 2 (hidden) to 0.
// Department "Kort": from 7, a hidden total of 3: 3 (hidden) stay.
ReportTable Transitions() {
  ReportTable table;
  table.id = table_id::kTransitions;
  table.columns = {{column_key::kRerated, "Re-rated", CellKind::kCount, 1},
                   {column_key::kStability, "Stability", CellKind::kPercent, 1},
                   {"to:0", "\xE2\x86\x92 0", CellKind::kCount, 1},
                   {"to:4", "\xE2\x86\x92 4", CellKind::kCount, 1},
                   {"to:7", "\xE2\x86\x92 7", CellKind::kCount, 1}};
  table.rows.push_back(ReportRow{"transition:Acute/from:4",
                                 "Acute \xC2\xB7 4",
                                 RowStyle::kNormal,
                                 {ReportCell::Count(20), ReportCell::Percent(12, 20), Hidden(2),
                                  ReportCell::Count(12), ReportCell::Count(6)}});
  table.rows.push_back(ReportRow{"transition:Kort/from:7",
                                 "Kort \xC2\xB7 7",
                                 RowStyle::kNormal,
                                 {Hidden(3), ReportCell::Percent(3, 3), ReportCell::Count(0),
                                  ReportCell::Count(0), Hidden(3)}});
  return table;
}

int Occurrences(const std::string& text, const std::string& what) {
  int count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(TransitionChartTest, HiddenCountsAreNeverBandsOfTheirOwn) {
  const std::vector<std::string> svgs = TransitionFlowSvg(Transitions(), Language::kEnglish);
  ASSERT_EQ(svgs.size(), 1u);
  const std::string& svg = svgs[0];
  // Acute: 4 -> 4, 4 -> 7 and the hidden remainder 4 -> hidden; Kort: nothing.
  EXPECT_EQ(Occurrences(svg, "<path"), 3) << svg;
  EXPECT_NE(svg.find("<title>4 \xE2\x86\x92 7</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>4 \xE2\x86\x92 hidden</title>"), std::string::npos);
  EXPECT_EQ(svg.find("\xE2\x86\x92 0<"), std::string::npos) << "no band of the hidden 2";
  EXPECT_NE(svg.find(">Acute<"), std::string::npos);
  EXPECT_NE(svg.find(">Kort<"), std::string::npos);
}

// The bands of a row are as wide as their patients: 12, 6 and the hidden
// 2 (20 minus the 18 shown) in the ratio 12 : 6 : 2.
TEST(TransitionChartTest, BandsAreAsWideAsTheirPatients) {
  const std::string svg = TransitionFlowSvg(Transitions(), Language::kDutch)[0];
  // The chart's scale is 6 px per patient (at most), so 12 -> 72 px.
  EXPECT_NE(svg.find("height=\"72.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("height=\"36.0\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"12.0\""), std::string::npos);
  EXPECT_NE(svg.find(">verborgen<"), std::string::npos) << "the hidden node, in Dutch";
}

TEST(TransitionChartTest, AnEmptyTableDrawsNothing) {
  ReportTable table = Transitions();
  table.rows.clear();
  EXPECT_TRUE(TransitionFlowSvg(table, Language::kEnglish).empty());
}

}  // namespace
}  // namespace clusterpilot
