#include "reports/svg_charts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/supercluster.h"
#include "reports/cluster_distribution.h"
#include "reports/dutch_number.h"
#include "reports/markup.h"
#include "reports/report_keys.h"
#include "reports/svg_text.h"

namespace clusterpilot {
namespace {

constexpr int kBarsWidth = 520;
constexpr int kValueWidth = 110;
constexpr int kMinLabelWidth = 100;
constexpr int kMaxLabelWidth = 600;  // beyond, the chart would shrink too much
constexpr int kBarHeight = 18;
constexpr int kRowHeight = 26;
constexpr int kLegendRow = 14;
constexpr int kSegmentNumberWidth = 14;  // narrower segments carry no number
constexpr const char* kHiddenColour = "#aaaaaa";
constexpr const char* kHiddenWithinColour = "#dddddd";
constexpr const char* kNoClusterColour = "#555555";
constexpr const char* kNotClassifiedColour = "#ffffff";

// Paul Tol's "muted" scheme: nine colours that people with any common form
// of colour blindness can tell apart. Clusters take them in report order, so
// any two clusters fewer than nine places apart differ, neighbours included.
constexpr std::array<const char*, 9> kMuted = {"#cc6677", "#332288", "#ddcc77",
                                               "#117733", "#88ccee", "#882255",
                                               "#44aa99", "#999933", "#aa4499"};

int LabelWidth(const std::vector<std::string>& labels) {
  double widest = 0;
  for (const std::string& label : labels) widest = std::max(widest, SvgTextWidth(label, 12));
  return std::clamp(static_cast<int>(std::ceil(widest)) + 16, kMinLabelWidth, kMaxLabelWidth);
}

std::string Rect(double x, double y, double width, double height, const std::string& fill,
                 const std::string& title, const std::string& extra = "") {
  return "<rect x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) + "\" width=\"" + SvgNumber(width) +
         "\" height=\"" + SvgNumber(height) + "\" fill=\"" + fill + "\"" + extra + "><title>" +
         EscapeMarkup(title) + "</title></rect>";
}

std::string Text(double x, double y, const std::string& text, const std::string& anchor = "start",
                 const std::string& extra = "") {
  return "<text x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) + "\" text-anchor=\"" + anchor +
         "\"" + extra + ">" + EscapeMarkup(text) + "</text>";
}

std::string SvgOpen(int width, int height, const std::string& label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" +
         EscapeMarkup(label) + "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">";
}

// Black on light colours, white on dark ones.
const char* InkOn(const std::string& colour) {
  if (colour.size() != 7 || colour[0] != '#') return "#000000";
  auto channel = [&](int at) { return std::stoi(colour.substr(at, 2), nullptr, 16) / 255.0; };
  const double luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.45 ? "#000000" : "#ffffff";
}

struct Segment {
  double patients = 0;
  std::string colour;
  std::string title;
  std::string mark;         // printed on the segment when it is wide enough
  bool ends_group = false;  // the last segment of a supercluster
};

// The visible segments of one distribution column. Hidden cells are drawn
// together: within a supercluster whose subtotal is shown (light grey,
// marked with the supercluster's letter), and the rest in grey. Both sizes
// are differences of shown numbers, which the disclosure audit holds
// already; their titles still give no number, so that no reader takes a sum
// of hidden counts for a figure.
std::vector<Segment> ColumnSegments(const ReportTable& table, int column, int64_t total,
                                    Language language) {
  std::vector<Segment> segments;
  int64_t drawn = 0;
  int64_t shown_in_group = 0;
  auto share = [total](int64_t count) {
    return FormatCount(count) + " (" + FormatPercent(static_cast<double>(count) / total) + ")";
  };
  for (const ReportRow& row : table.rows) {
    const ReportCell& cell = row.cells[column];
    if (const std::optional<Supercluster> subtotal = SuperclusterOfSubtotalKey(row.key)) {
      const int64_t hidden = cell.Hidden() ? 0 : cell.integer - shown_in_group;
      if (hidden > 0) {
        segments.push_back({static_cast<double>(hidden), kHiddenWithinColour,
                            SuperclusterLetter(*subtotal) + ", " + Phrase(language, "chart.hidden"),
                            SuperclusterLetter(*subtotal)});
        drawn += hidden;
      }
      if (!segments.empty()) segments.back().ends_group = true;
      shown_in_group = 0;
      continue;
    }
    const std::optional<int> cluster = ClusterOfRowKey(row.key);
    const bool no_cluster =
        row.key == row_key::kNoCluster || row.key == row_key::kClinicianNoCluster;
    const bool leaf = cluster || no_cluster || row.key == row_key::kNotClassified;
    if (!leaf || cell.Hidden() || cell.integer == 0) continue;
    drawn += cell.integer;
    std::string colour = kNotClassifiedColour;
    if (no_cluster) colour = kNoClusterColour;
    std::string mark;
    if (cluster) {
      colour = ClusterColour(*cluster);
      mark = std::to_string(*cluster);
      shown_in_group += cell.integer;
    }
    segments.push_back(
        {static_cast<double>(cell.integer), colour, row.label + ": " + share(cell.integer), mark});
  }
  if (total > drawn) {
    segments.push_back(
        {static_cast<double>(total - drawn), kHiddenColour, Phrase(language, "chart.hidden"), ""});
  }
  return segments;
}

// Two columns of swatches with the cluster's number and name, then the
// swatches for what is not a cluster. Returns the height used.
int DistributionLegend(double y, int width, Language language, std::string* svg) {
  const double column_width = (width - 20) / 2.0;
  const std::vector<ClusterLabel>& labels = ClusterLabels();
  const int per_column = static_cast<int>((labels.size() + 1) / 2);
  for (size_t i = 0; i < labels.size(); ++i) {
    const int cluster = labels[i].cluster;
    const int legend_column = static_cast<int>(i) / per_column;
    const double x = 10 + legend_column * column_width;
    const double row_y = y + (static_cast<int>(i) % per_column) * kLegendRow;
    const std::string name = std::to_string(cluster) + " " + ClusterName(language, cluster);
    *svg += Rect(x, row_y, 12, 11, ClusterColour(cluster), name);
    *svg += Text(x + 16, row_y + 9.5, SvgFitText(name, column_width - 22, 10), "start",
                 " font-size=\"10\"");
  }
  double x = 10;
  const double extra_y = y + per_column * kLegendRow + 6;
  const std::pair<const char*, const char*> kOthers[] = {
      {kNoClusterColour, "chart.no_cluster"},
      {kNotClassifiedColour, "chart.not_classified"},
      {kHiddenColour, "chart.hidden"},
      {kHiddenWithinColour, "chart.hidden_within"}};
  for (const auto& [colour, key] : kOthers) {
    const std::string name = Phrase(language, key);
    *svg += Rect(x, extra_y, 12, 11, colour, name, " stroke=\"#9e9e9e\" stroke-width=\"0.5\"");
    *svg += Text(x + 16, extra_y + 9.5, name, "start", " font-size=\"10\"");
    x += 16 + SvgTextWidth(name, 10) + 18;
  }
  return per_column * kLegendRow + 6 + kLegendRow + 4;
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
  const std::vector<ClusterLabel>& labels = ClusterLabels();
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].cluster == cluster) return kMuted[i % kMuted.size()];
  }
  return kHiddenColour;
}

std::string DistributionChartSvg(const ReportTable& distribution, int suppress_below,
                                 Language language) {
  const int total_row = distribution.RowIndex(row_key::kTotal);
  const int columns = static_cast<int>(distribution.columns.size());
  std::vector<std::string> labels;
  for (const ReportColumn& column : distribution.columns) labels.push_back(column.label);
  const int label_width = LabelWidth(labels);
  const int width = label_width + kBarsWidth + kValueWidth;
  std::string body;
  for (int c = 0; c < columns; ++c) {
    const double y = 10 + c * kRowHeight;
    const ReportCell& total = distribution.At(total_row, c);
    const bool institution = distribution.columns[c].key == kInstitution;
    body += Text(label_width - 8, y + 13, distribution.columns[c].label, "end",
                 institution ? " font-weight=\"bold\"" : "");
    if (total.Hidden() || total.integer == 0) {
      std::string note = Phrase(language, "chart.no_patients");
      if (total.privacy == CellPrivacy::kSmall) {
        note = Phrase(language, "chart.fewer_than", {Value("{k}", std::to_string(suppress_below))});
      } else if (total.Hidden()) {
        note = Phrase(language, "chart.hidden_protective");
      }
      body += Text(label_width, y + 13, note, "start", " fill=\"#616161\"");
      continue;
    }
    double x = label_width;
    for (const Segment& segment : ColumnSegments(distribution, c, total.integer, language)) {
      const double w = kBarsWidth * segment.patients / static_cast<double>(total.integer);
      body += Rect(x, y, w, kBarHeight, segment.colour, segment.title,
                   " stroke=\"#ffffff\" stroke-width=\"0.6\"");
      if (!segment.mark.empty() && w >= kSegmentNumberWidth) {
        body += Text(x + w / 2, y + 13, segment.mark, "middle",
                     std::string(" font-size=\"9\" fill=\"") + InkOn(segment.colour) + "\"");
      }
      x += w;
      if (segment.ends_group) {
        body += "<line x1=\"" + SvgNumber(x) + "\" y1=\"" + SvgNumber(y - 1) + "\" x2=\"" +
                SvgNumber(x) + "\" y2=\"" + SvgNumber(y + kBarHeight + 1) +
                "\" stroke=\"#ffffff\" stroke-width=\"2.5\"/>";
      }
    }
    body +=
        Text(label_width + kBarsWidth + 8, y + 13,
             Phrase(language, "chart.patients", {Value("{count}", FormatCount(total.integer))}));
  }
  const int legend_height =
      DistributionLegend(10 + columns * kRowHeight + 8, width, language, &body);
  const int height = 10 + columns * kRowHeight + 8 + legend_height;
  return SvgOpen(width, height, Phrase(language, "chart.distribution")) + body + "</svg>";
}

std::string RevenueIntervalChartSvg(const ReportTable& revenue, const ReportTable* impact,
                                    Language language) {
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
  std::vector<std::string> labels;
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
    labels.push_back(row.label);
  }
  if (maximum <= 0) maximum = 100;
  const double step = NiceStep(maximum);
  const double axis_max = std::ceil(maximum / step) * step;
  const int label_width = LabelWidth(labels);
  const int chart_width = label_width + kBarsWidth + kValueWidth;
  const int height = 30 + static_cast<int>(rows.size()) * kRowHeight + 60;
  std::string svg = SvgOpen(chart_width, height, Phrase(language, "chart.revenue"));
  const double left = label_width;
  const double width = kBarsWidth + kValueWidth - 50;  // room for the last tick's label
  auto x_of = [&](int64_t cents) { return left + width * static_cast<double>(cents) / axis_max; };
  const double axis_y = 20 + rows.size() * kRowHeight;
  for (double tick = 0; tick <= axis_max + step / 2; tick += step) {
    const double x = x_of(static_cast<int64_t>(tick));
    svg += "<line x1=\"" + SvgNumber(x) + "\" y1=\"10\" x2=\"" + SvgNumber(x) + "\" y2=\"" +
           SvgNumber(axis_y) + "\" stroke=\"#e0e0e0\"/>";
    svg += Text(x, axis_y + 14, FormatWholeEuros(static_cast<int64_t>(tick)),
                tick == 0 ? "start" : "middle", " font-size=\"10\"");
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const double y = 20 + i * kRowHeight + kBarHeight / 2.0;
    svg += Text(left - 8, y + 4, row.label, "end");
    if (!Usable(row.expected) || !Usable(row.p5) || !Usable(row.p95)) {
      svg += Text(left, y + 4, Phrase(language, "chart.hidden_few"), "start", " fill=\"#616161\"");
      continue;
    }
    if (Usable(row.low) && Usable(row.high)) {
      svg += Rect(x_of(row.low->integer), y - 5,
                  std::max(x_of(row.high->integer) - x_of(row.low->integer), 1.0), 10, "#cfd8dc",
                  Phrase(language, "chart.scenarios") + ": " + FormatWholeEuros(row.low->integer) +
                      " - " + FormatWholeEuros(row.high->integer));
    }
    const double x5 = x_of(row.p5->integer);
    const double x95 = x_of(row.p95->integer);
    svg += "<path d=\"M" + SvgNumber(x5) + " " + SvgNumber(y) + " H" + SvgNumber(x95) + " M" +
           SvgNumber(x5) + " " + SvgNumber(y - 6) + " V" + SvgNumber(y + 6) + " M" +
           SvgNumber(x95) + " " + SvgNumber(y - 6) + " V" + SvgNumber(y + 6) +
           "\" stroke=\"#332288\" stroke-width=\"2\" fill=\"none\"><title>" +
           EscapeMarkup("p5-p95: " + FormatWholeEuros(row.p5->integer) + " - " +
                        FormatWholeEuros(row.p95->integer)) +
           "</title></path>";
    svg += "<circle cx=\"" + SvgNumber(x_of(row.expected->integer)) + "\" cy=\"" + SvgNumber(y) +
           "\" r=\"4\" fill=\"#332288\"><title>" +
           EscapeMarkup(Phrase(language, "chart.expected") + ": " +
                        FormatWholeEuros(row.expected->integer)) +
           "</title></circle>";
    if (Usable(row.current)) {
      const double x = x_of(row.current->integer);
      svg += "<path d=\"M" + SvgNumber(x) + " " + SvgNumber(y - 6) + " L" + SvgNumber(x + 6) + " " +
             SvgNumber(y) + " L" + SvgNumber(x) + " " + SvgNumber(y + 6) + " L" + SvgNumber(x - 6) +
             " " + SvgNumber(y) + " Z\" fill=\"#cc6677\"><title>" +
             EscapeMarkup(Phrase(language, "chart.current") + ": " +
                          FormatWholeEuros(row.current->integer)) +
             "</title></path>";
    }
  }
  // The legend from the left edge, each entry as wide as its words.
  const double legend_y = axis_y + 34;
  double x = 10;
  const std::string scenarios = Phrase(language, "chart.scenarios");
  svg += Rect(x, legend_y - 9, 24, 10, "#cfd8dc", scenarios);
  svg += Text(x + 30, legend_y, scenarios);
  x += 30 + SvgTextWidth(scenarios, 12) + 20;
  const std::string interval = Phrase(language, "chart.interval");
  svg += "<path d=\"M" + SvgNumber(x) + " " + SvgNumber(legend_y - 4) + " H" + SvgNumber(x + 24) +
         "\" stroke=\"#332288\" stroke-width=\"2\"/>";
  svg += Text(x + 30, legend_y, interval);
  x += 30 + SvgTextWidth(interval, 12) + 20;
  const std::string expected = Phrase(language, "chart.expected");
  svg += "<circle cx=\"" + SvgNumber(x + 4) + "\" cy=\"" + SvgNumber(legend_y - 4) +
         "\" r=\"4\" fill=\"#332288\"/>";
  svg += Text(x + 14, legend_y, expected);
  x += 14 + SvgTextWidth(expected, 12) + 20;
  if (impact != nullptr) {
    svg += "<path d=\"M" + SvgNumber(x + 6) + " " + SvgNumber(legend_y - 10) +
           " l6 6 l-6 6 l-6 -6 Z\" fill=\"#cc6677\"/>";
    svg += Text(x + 18, legend_y, Phrase(language, "chart.current"));
  }
  return svg + "</svg>";
}

}  // namespace clusterpilot
