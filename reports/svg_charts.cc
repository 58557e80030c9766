#include "reports/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/supercluster.h"
#include "reports/cluster_distribution.h"
#include "reports/dutch_number.h"
#include "reports/markup.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

constexpr int kChartWidth = 820;
constexpr int kLabelWidth = 190;
constexpr int kValueWidth = 110;
constexpr int kBarHeight = 18;
constexpr int kRowHeight = 26;
constexpr const char* kHiddenColour = "#9e9e9e";
constexpr const char* kNoClusterColour = "#424242";
constexpr const char* kNotClassifiedColour = "#e0e0e0";

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string Rect(double x, double y, double width, double height, const std::string& fill,
                 const std::string& title, const std::string& extra = "") {
  return "<rect x=\"" + Number(x) + "\" y=\"" + Number(y) + "\" width=\"" + Number(width) +
         "\" height=\"" + Number(height) + "\" fill=\"" + fill + "\"" + extra + "><title>" +
         EscapeMarkup(title) + "</title></rect>";
}

std::string Text(double x, double y, const std::string& text, const std::string& anchor = "start",
                 const std::string& extra = "") {
  return "<text x=\"" + Number(x) + "\" y=\"" + Number(y) + "\" text-anchor=\"" + anchor + "\"" +
         extra + ">" + EscapeMarkup(text) + "</text>";
}

std::string SvgOpen(int height, const std::string& label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
         std::to_string(kChartWidth) + " " + std::to_string(height) +
         "\" role=\"img\" aria-label=\"" + EscapeMarkup(label) +
         "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">";
}

struct Segment {
  double patients = 0;
  std::string colour;
  std::string title;
};

int Hue(Supercluster supercluster) {
  if (supercluster == Supercluster::kPsychotic) return 25;
  if (supercluster == Supercluster::kOrganic) return 130;
  return 210;
}

// The pale shade of a supercluster: its hidden small numbers together.
std::string PaleColour(Supercluster supercluster) {
  return "hsl(" + std::to_string(Hue(supercluster)) + ",45%,86%)";
}

// The visible segments of one distribution column. Hidden cells are drawn
// together: within a supercluster whose subtotal is shown (in its pale
// shade), and the rest in grey. Both sizes are differences of shown numbers,
// which the disclosure audit holds already; their titles still give no
// number, so that no reader takes a sum of hidden counts for a figure.
std::vector<Segment> ColumnSegments(const ReportTable& table, int column, int64_t total) {
  std::vector<Segment> segments;
  int64_t drawn = 0;
  int64_t shown_in_group = 0;
  auto share = [total](int64_t count) {
    return FormatCount(count) + " (" + FormatPercent(static_cast<double>(count) / total) + ")";
  };
  for (const ReportRow& row : table.rows) {
    const ReportCell& cell = row.cells[column];
    if (const std::optional<Supercluster> subtotal = SuperclusterOfSubtotalKey(row.key)) {
      const Supercluster supercluster = *subtotal;
      const int64_t hidden = cell.Hidden() ? 0 : cell.integer - shown_in_group;
      if (hidden > 0) {
        segments.push_back({static_cast<double>(hidden), PaleColour(supercluster),
                            SuperclusterName(supercluster) + ": hidden small numbers together"});
        drawn += hidden;
      }
      shown_in_group = 0;
      continue;
    }
    const std::optional<int> cluster = ClusterOfRowKey(row.key);
    const bool leaf =
        cluster || row.key == row_key::kNoCluster || row.key == row_key::kNotClassified;
    if (!leaf || cell.Hidden() || cell.integer == 0) continue;
    drawn += cell.integer;
    std::string colour = kNotClassifiedColour;
    if (row.key == row_key::kNoCluster) colour = kNoClusterColour;
    if (cluster) {
      colour = ClusterColour(*cluster);
      shown_in_group += cell.integer;
    }
    segments.push_back(
        {static_cast<double>(cell.integer), colour, row.label + ": " + share(cell.integer)});
  }
  if (total > drawn) {
    segments.push_back(
        {static_cast<double>(total - drawn), kHiddenColour, "hidden small numbers together"});
  }
  return segments;
}

std::string DistributionLegend(double y) {
  std::string svg;
  double x = kLabelWidth;
  for (const ClusterLabel& label : ClusterLabels()) {
    svg += Rect(x, y, 14, 12, ClusterColour(label.cluster),
                std::to_string(label.cluster) + " " + label.name);
    svg += Text(x + 16, y + 10, std::to_string(label.cluster), "start", " font-size=\"10\"");
    x += 30;
  }
  y += 20;
  x = kLabelWidth;
  for (const auto& [colour, name] : std::vector<std::pair<std::string, std::string>>{
           {kNoClusterColour, "no fitting cluster"},
           {kNotClassifiedColour, "not yet classified"},
           {kHiddenColour, "hidden small numbers"}}) {
    svg += Rect(x, y, 14, 12, colour, name);
    svg += Text(x + 18, y + 10, name, "start", " font-size=\"10\"");
    x += 130;
  }
  for (Supercluster s :
       {Supercluster::kNonPsychotic, Supercluster::kPsychotic, Supercluster::kOrganic}) {
    svg += Rect(x, y, 8, 12, PaleColour(s), "hidden small numbers within the supercluster");
    x += 9;
  }
  svg += Text(x + 6, y + 10, "hidden within a supercluster", "start", " font-size=\"10\"");
  return svg;
}

double NiceStep(double range) {
  const double raw = range / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (factor * magnitude >= raw) return factor * magnitude;
  }
  return 10.0 * magnitude;
}

const ReportCell* CellAt(const ReportTable& table, const std::string& row_key,
                         const std::string& column) {
  const int row = table.RowIndex(row_key);
  const int col = table.ColumnIndex(column);
  if (row < 0 || col < 0) return nullptr;
  return &table.At(row, col);
}

bool Usable(const ReportCell* cell) {
  return cell != nullptr && !cell->Hidden() && cell->kind == CellKind::kEuros;
}

}  // namespace

std::string ClusterColour(int cluster) {
  const Supercluster supercluster = SuperclusterOf(cluster);
  const int hue = Hue(supercluster);
  int first = 1;
  int count = 8;
  if (supercluster == Supercluster::kPsychotic) {
    first = 10;
  } else if (supercluster == Supercluster::kOrganic) {
    first = 18;
    count = 4;
  }
  const int lightness = 28 + (cluster - first) * 44 / std::max(count - 1, 1);
  return "hsl(" + std::to_string(hue) + ",60%," + std::to_string(lightness) + "%)";
}

std::string DistributionChartSvg(const ReportTable& distribution, int suppress_below) {
  const int total_row = distribution.RowIndex(row_key::kTotal);
  const int columns = static_cast<int>(distribution.columns.size());
  const int height = 20 + columns * kRowHeight + 50;
  std::string svg = SvgOpen(height, "cluster distribution per department");
  const double bar_width = kChartWidth - kLabelWidth - kValueWidth;
  for (int c = 0; c < columns; ++c) {
    const double y = 10 + c * kRowHeight;
    const ReportCell& total = distribution.At(total_row, c);
    const bool institution = distribution.columns[c].key == kInstitution;
    svg += Text(kLabelWidth - 8, y + 13, distribution.columns[c].label, "end",
                institution ? " font-weight=\"bold\"" : "");
    if (total.Hidden() || total.integer == 0) {
      std::string note = "no patients";
      if (total.privacy == CellPrivacy::kSmall) {
        note = "fewer than " + std::to_string(suppress_below) + " patients";
      } else if (total.Hidden()) {
        note = "hidden so that small numbers elsewhere stay hidden";
      }
      svg += Text(kLabelWidth, y + 13, note, "start", " fill=\"#616161\"");
      continue;
    }
    double x = kLabelWidth;
    for (const Segment& segment : ColumnSegments(distribution, c, total.integer)) {
      const double width = bar_width * segment.patients / static_cast<double>(total.integer);
      svg += Rect(
          x, y, width, kBarHeight, segment.colour, segment.title,
          segment.colour == kNotClassifiedColour ? " stroke=\"#9e9e9e\" stroke-width=\"0.5\"" : "");
      x += width;
    }
    svg += Text(kChartWidth - kValueWidth + 8, y + 13, FormatCount(total.integer) + " patients");
  }
  svg += DistributionLegend(10 + columns * kRowHeight + 6);
  return svg + "</svg>";
}

std::string RevenueIntervalChartSvg(const ReportTable& revenue, const ReportTable* impact) {
  struct Row {
    std::string label;
    const ReportCell* low;
    const ReportCell* high;
    const ReportCell* expected;
    const ReportCell* p5;
    const ReportCell* p95;
    const ReportCell* current;
  };
  std::vector<Row> rows;
  double maximum = 0;
  for (const ReportRow& row : revenue.rows) {
    if (row.key == kInstitution) continue;
    Row entry{row.label,
              CellAt(revenue, row.key, column_key::kTariffLow),
              CellAt(revenue, row.key, column_key::kTariffHigh),
              CellAt(revenue, row.key, column_key::kTariffExpected),
              CellAt(revenue, row.key, column_key::kP5),
              CellAt(revenue, row.key, column_key::kP95),
              impact != nullptr ? CellAt(*impact, row.key, column_key::kCurrent) : nullptr};
    for (const ReportCell* cell : {entry.high, entry.p95, entry.current}) {
      if (Usable(cell)) maximum = std::max(maximum, static_cast<double>(cell->integer));
    }
    rows.push_back(entry);
  }
  if (maximum <= 0) maximum = 100;
  const double step = NiceStep(maximum);
  const double axis_max = std::ceil(maximum / step) * step;
  const int height = 30 + static_cast<int>(rows.size()) * kRowHeight + 60;
  std::string svg = SvgOpen(height, "cluster revenue interval per department");
  const double left = kLabelWidth;
  const double width = kChartWidth - kLabelWidth - 40;
  auto x_of = [&](int64_t cents) { return left + width * static_cast<double>(cents) / axis_max; };
  const double axis_y = 20 + rows.size() * kRowHeight;
  for (double tick = 0; tick <= axis_max + step / 2; tick += step) {
    const double x = x_of(static_cast<int64_t>(tick));
    svg += "<line x1=\"" + Number(x) + "\" y1=\"10\" x2=\"" + Number(x) + "\" y2=\"" +
           Number(axis_y) + "\" stroke=\"#e0e0e0\"/>";
    svg += Text(x, axis_y + 14, FormatWholeEuros(static_cast<int64_t>(tick)), "middle",
                " font-size=\"10\"");
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const double y = 20 + i * kRowHeight + kBarHeight / 2.0;
    svg += Text(left - 8, y + 4, row.label, "end");
    if (!Usable(row.expected) || !Usable(row.p5) || !Usable(row.p95)) {
      svg += Text(left, y + 4, "hidden (few patients)", "start", " fill=\"#616161\"");
      continue;
    }
    if (Usable(row.low) && Usable(row.high)) {
      svg += Rect(x_of(row.low->integer), y - 5,
                  std::max(x_of(row.high->integer) - x_of(row.low->integer), 1.0), 10, "#cfd8dc",
                  "low-high scenarios: " + FormatWholeEuros(row.low->integer) + " - " +
                      FormatWholeEuros(row.high->integer));
    }
    const double x5 = x_of(row.p5->integer);
    const double x95 = x_of(row.p95->integer);
    svg += "<path d=\"M" + Number(x5) + " " + Number(y) + " H" + Number(x95) + " M" + Number(x5) +
           " " + Number(y - 6) + " V" + Number(y + 6) + " M" + Number(x95) + " " + Number(y - 6) +
           " V" + Number(y + 6) + "\" stroke=\"#1a237e\" stroke-width=\"2\" fill=\"none\"><title>" +
           EscapeMarkup("p5-p95: " + FormatWholeEuros(row.p5->integer) + " - " +
                        FormatWholeEuros(row.p95->integer)) +
           "</title></path>";
    svg += "<circle cx=\"" + Number(x_of(row.expected->integer)) + "\" cy=\"" + Number(y) +
           "\" r=\"4\" fill=\"#1a237e\"><title>" +
           EscapeMarkup("expected: " + FormatWholeEuros(row.expected->integer)) +
           "</title></circle>";
    if (Usable(row.current)) {
      const double x = x_of(row.current->integer);
      svg += "<path d=\"M" + Number(x) + " " + Number(y - 6) + " L" + Number(x + 6) + " " +
             Number(y) + " L" + Number(x) + " " + Number(y + 6) + " L" + Number(x - 6) + " " +
             Number(y) + " Z\" fill=\"#c62828\"><title>" +
             EscapeMarkup("current revenue: " + FormatWholeEuros(row.current->integer)) +
             "</title></path>";
    }
  }
  const double legend_y = axis_y + 34;
  svg += Rect(left, legend_y - 9, 24, 10, "#cfd8dc", "scenarios");
  svg += Text(left + 30, legend_y, "low-high scenarios");
  svg += "<path d=\"M" + Number(left + 170) + " " + Number(legend_y - 4) + " H" +
         Number(left + 194) + "\" stroke=\"#1a237e\" stroke-width=\"2\"/>";
  svg += Text(left + 200, legend_y, "p5-p95 interval");
  svg += "<circle cx=\"" + Number(left + 320) + "\" cy=\"" + Number(legend_y - 4) +
         "\" r=\"4\" fill=\"#1a237e\"/>";
  svg += Text(left + 330, legend_y, "expected");
  if (impact != nullptr) {
    svg += "<path d=\"M" + Number(left + 420) + " " + Number(legend_y - 10) +
           " l6 6 l-6 6 l-6 -6 Z\" fill=\"#c62828\"/>";
    svg += Text(left + 432, legend_y, "current revenue (same patients)");
  }
  return svg + "</svg>";
}

}  // namespace clusterpilot
