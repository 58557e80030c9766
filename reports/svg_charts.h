// The report's two charts as inline SVG, drawn only from published (already
// suppressed) tables so that a chart never shows what a table hides: hidden
// cells of a bar are drawn together as one grey "hidden" segment, whose size
// the table's total reveals anyway.
#ifndef CLUSTERPILOT_REPORTS_SVG_CHARTS_H_
#define CLUSTERPILOT_REPORTS_SVG_CHARTS_H_

#include <string>

#include "core/language.h"
#include "reports/report_table.h"

namespace clusterpilot {

// Stacked horizontal bars, one per department and one for the institution:
// each cluster's share of the patients, in its own colour with its number on
// the bar, superclusters separated by a white line; a legend names every
// cluster. Takes the "distribution" table, already in `language`
// (LocalisedTable); the chart's own words follow `language`. The label
// column is as wide as the longest department name needs.
std::string DistributionChartSvg(const ReportTable& distribution, int suppress_below,
                                 Language language);

// Per department: the low-high scenario range, the Monte Carlo p5-p95
// interval as an error bar, the expected revenue and, when `impact` is given,
// today's revenue. Takes the "cluster_revenue" and optional "impact" tables.
std::string RevenueIntervalChartSvg(const ReportTable& cluster_revenue, const ReportTable* impact,
                                    Language language);

// The colour of a cluster in charts, from Paul Tol's colour-blind-safe
// "muted" scheme in report order: clusters fewer than nine places apart
// (neighbours in a bar among them) never share a colour.
std::string ClusterColour(int cluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_SVG_CHARTS_H_
