// The report's two charts as inline SVG, drawn only from published (already
// suppressed) tables so that a chart never shows what a table hides: hidden
// cells of a bar are drawn together as one grey "hidden" segment, whose size
// the table's total reveals anyway.
#ifndef CLUSTERPILOT_REPORTS_SVG_CHARTS_H_
#define CLUSTERPILOT_REPORTS_SVG_CHARTS_H_

#include <string>

#include "reports/report_table.h"

namespace clusterpilot {

// Stacked horizontal bars, one per department and one for the institution:
// each cluster's share of the patients, coloured by supercluster. Takes the
// "distribution" table.
std::string DistributionChartSvg(const ReportTable& distribution, int suppress_below);

// Per department: the low-high scenario range, the Monte Carlo p5-p95
// interval as an error bar, the expected revenue and, when `impact` is given,
// today's revenue. Takes the "cluster_revenue" and optional "impact" tables.
std::string RevenueIntervalChartSvg(const ReportTable& cluster_revenue, const ReportTable* impact);

// The colour of a cluster in charts: a hue per supercluster, lighter for
// higher cluster numbers within it.
std::string ClusterColour(int cluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_SVG_CHARTS_H_
