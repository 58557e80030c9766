// The trends' small multiples draw only what the published tables show: a
// hidden count is a gap in its line, never a point, and every panel and
// label stays inside the drawing.
#include "reports/trend_charts.h"

#include <gtest/gtest.h>

#include <regex>

#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

// A trend table of `departments` with three months each: patients 10, 20,
// 30, the middle month of the first department hidden as "<5".
ReportTable TrendTable(int departments, const std::string& long_name = "") {
  ReportTable table;
  table.id = table_id::kTrends;
  table.columns.push_back(ReportColumn{column_key::kPatients, "Patients", CellKind::kCount, 1});
  for (int d = 0; d < departments; ++d) {
    const std::string name = d == 0 && !long_name.empty() ? long_name : "Dept " + std::to_string(d);
    for (int m = 0; m < 3; ++m) {
      const std::string month = "2026-0" + std::to_string(m + 1);
      ReportRow row{"trend:department:" + name + "/" + month,
                    name + " \xC2\xB7 " + month,
                    RowStyle::kNormal,
                    {ReportCell::Count(10 * (m + 1))}};
      if (d == 0 && m == 1) {
        row.cells[0] = ReportCell::Count(3);
        row.cells[0].privacy = CellPrivacy::kSmall;
      }
      table.rows.push_back(row);
    }
  }
  return table;
}

int Occurrences(const std::string& text, const std::string& what) {
  int count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(TrendChartsTest, AHiddenCountIsAGapInItsLine) {
  const ReportTable table = TrendTable(2);
  const std::vector<std::string> svgs = TrendSmallMultiplesSvg(
      {TrendLine{&table, column_key::kPatients, "Patients", "#332288"}}, "trends");
  ASSERT_EQ(svgs.size(), 1u);
  // The first department: two single points around the gap; the second: one line.
  EXPECT_EQ(Occurrences(svgs[0], "<circle"), 2);
  EXPECT_EQ(Occurrences(svgs[0], "<polyline"), 1);
  EXPECT_EQ(svgs[0].find(">3<"), std::string::npos) << "the hidden count is written nowhere";
  EXPECT_NE(svgs[0].find(">Dept 0<"), std::string::npos);
  EXPECT_NE(svgs[0].find(">2026-01<"), std::string::npos);
  EXPECT_NE(svgs[0].find(">50<"), std::string::npos) << "the panel's scale: 30 rounds up to 50";
}

// Twelve panels fit a page; a 13th department starts a second drawing.
TEST(TrendChartsTest, ManyDepartmentsSpreadOverSeveralDrawings) {
  const ReportTable table = TrendTable(13);
  const std::vector<std::string> svgs =
      TrendSmallMultiplesSvg({TrendLine{&table, column_key::kPatients, "P", "#000000"}}, "t");
  ASSERT_EQ(svgs.size(), 2u);
  EXPECT_EQ(Occurrences(svgs[0], "<polyline") + Occurrences(svgs[0], "<circle"), 12 + 1);
  EXPECT_NE(svgs[1].find(">Dept 12<"), std::string::npos);
}

// Every text starts inside the drawing's width, and a name too long for its
// panel is shortened with an ellipsis, the whole name kept in its title.
TEST(TrendChartsTest, LabelsStayInsideTheDrawing) {
  const std::string name(120, 'W');
  const ReportTable table = TrendTable(4, name);
  const std::string svg =
      TrendSmallMultiplesSvg({TrendLine{&table, column_key::kPatients, "P", "#000000"}}, "t")[0];
  const std::smatch box = [&] {
    std::smatch m;
    std::regex_search(svg, m, std::regex("viewBox=\"0 0 ([0-9]+) ([0-9]+)\""));
    return m;
  }();
  const double width = std::stod(box[1]);
  const std::regex text("<text x=\"([0-9.]+)\"[^>]*text-anchor=\"(start|end)\"[^>]*>([^<]*)<");
  int texts = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
       ++it) {
    const double x = std::stod((*it)[1]);
    int characters = 0;
    for (unsigned char c : (*it)[3].str()) characters += (c & 0xC0) != 0x80 ? 1 : 0;
    const double length = characters * 11 * 0.58;
    ++texts;
    if ((*it)[2] == "start") {
      EXPECT_LE(x + length, width + 1) << (*it)[3];
    } else {
      EXPECT_GE(x - length, -1) << (*it)[3];
    }
  }
  EXPECT_GT(texts, 10);
  EXPECT_EQ(svg.find(name + "<title>"), std::string::npos) << "the name is shortened";
  EXPECT_NE(svg.find("<title>" + name + "</title>"), std::string::npos);
  EXPECT_NE(svg.find("\xE2\x80\xA6"), std::string::npos);
}

}  // namespace
}  // namespace clusterpilot
