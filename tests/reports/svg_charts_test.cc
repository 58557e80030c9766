#include "reports/svg_charts.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "reports/cluster_distribution.h"
#include "reports/cluster_row_plan.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

// Neighbours in a bar are clusters next to each other in report order, or a
// few places apart when the ones between are hidden or empty.
TEST(SvgChartsTest, ClustersFewerThanNinePlacesApartNeverShareAColour) {
  const std::vector<ClusterLabel>& labels = ClusterLabels();
  ASSERT_EQ(labels.size(), 20u);
  for (size_t i = 0; i < labels.size(); ++i) {
    for (size_t j = i + 1; j < labels.size() && j < i + 9; ++j) {
      EXPECT_NE(ClusterColour(labels[i].cluster), ClusterColour(labels[j].cluster))
          << labels[i].cluster << " and " << labels[j].cluster;
    }
  }
  // Paul Tol's muted scheme, not shades of one hue.
  EXPECT_EQ(ClusterColour(1), "#cc6677");
  EXPECT_EQ(ClusterColour(2), "#332288");
  EXPECT_EQ(ClusterColour(11), "#cc6677");  // the tenth cluster in report order
}

// A distribution table with one department whose name is long.
ReportTable Distribution(const std::string& department) {
  ReportTable table;
  table.id = table_id::kDistribution;
  table.columns = {{DepartmentKey(department), department, CellKind::kCount, 1},
                   {kInstitution, "Instelling", CellKind::kCount, 1}};
  for (const ClusterRowPlan& plan : ClusterRows()) {
    const int64_t count = plan.cluster == 4 ? 30 : 0;
    const int64_t total = plan.key == row_key::kTotal ||
                                  plan.key == SuperclusterSubtotalKey(Supercluster::kNonPsychotic)
                              ? 30
                              : count;
    ReportRow row{plan.key, plan.label, plan.style, {}};
    for (int c = 0; c < 2; ++c) row.cells.push_back(ReportCell::Count(total));
    table.rows.push_back(row);
  }
  return table;
}

double ViewBoxWidth(const std::string& svg) {
  std::smatch match;
  const std::regex view_box("viewBox=\"0 0 ([0-9]+) ");
  EXPECT_TRUE(std::regex_search(svg, match, view_box));
  return std::stod(match[1]);
}

TEST(SvgChartsTest, TheLabelColumnGrowsWithTheLongestDepartmentName) {
  const std::string short_chart = DistributionChartSvg(Distribution("FACT"), 5, Language::kDutch);
  const std::string long_name = "Ambulante cliëntenzorg en langdurige psychiatrische zorg";
  const std::string long_chart = DistributionChartSvg(Distribution(long_name), 5, Language::kDutch);
  EXPECT_GT(ViewBoxWidth(long_chart), ViewBoxWidth(short_chart) + 150);
  // The label ends 8 px left of the bars and starts right of the edge: at
  // 12 px a character is at most about 7 px wide.
  std::smatch match;
  const std::regex label("<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"end\">" + long_name);
  ASSERT_TRUE(std::regex_search(long_chart, match, label));
  EXPECT_GE(std::stod(match[1]), 56 * 7.0 * 0.95);
  EXPECT_NE(long_chart.find(">30 patiënten</text>"), std::string::npos);
  EXPECT_NE(long_chart.find("4 niet-psychotisch, ernstig"), std::string::npos);
  EXPECT_NE(
      DistributionChartSvg(Distribution("FACT"), 5, Language::kEnglish).find(">30 patients</text>"),
      std::string::npos);
}

TEST(SvgChartsTest, EveryClusterSegmentCarriesItsNumber) {
  const std::string chart = DistributionChartSvg(Distribution("FACT"), 5, Language::kDutch);
  EXPECT_NE(chart.find("font-size=\"9\" fill=\"#ffffff\">4</text>"), std::string::npos) << chart;
}

}  // namespace
}  // namespace clusterpilot
