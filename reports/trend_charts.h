// The trends as small multiples (issue 14, item 4): for each department and
// the institution a small line chart over the last 12 months, drawn only
// from the published (already suppressed) trend tables. A hidden or empty
// cell is a gap in its line, never a point: a chart shows no number its
// table hides.
#ifndef CLUSTERPILOT_REPORTS_TREND_CHARTS_H_
#define CLUSTERPILOT_REPORTS_TREND_CHARTS_H_

#include <string>
#include <vector>

#include "core/language.h"
#include "reports/report_table.h"

namespace clusterpilot {

// One line of every panel: a column of a trend table.
struct TrendLine {
  const ReportTable* table = nullptr;  // a trend table, its rows as TrendRowKey lays them out
  std::string column_key;
  std::string label;   // for the legend, in the reader's language
  std::string colour;  // "#332288"
};

// The panels, three to a row, as one or more SVGs of at most four rows each
// (so that each fits on an A4 page). Every line's table has the same rows;
// panels take their titles from the first table's row labels (the text
// before " · "), already in the reader's language. Each panel has its own
// scale from 0 to a round maximum, written at its axis; percentages run to
// 100%. `aria_label` names the chart for screen readers.
std::vector<std::string> TrendSmallMultiplesSvg(const std::vector<TrendLine>& lines,
                                                const std::string& aria_label);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TREND_CHARTS_H_
