#include "reports/trend_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "reports/dutch_number.h"
#include "reports/markup.h"
#include "reports/svg_text.h"

namespace clusterpilot {
namespace {

constexpr int kPanelsPerRow = 3;
constexpr int kRowsPerSvg = 4;
constexpr int kPanelWidth = 296;
constexpr int kPanelHeight = 150;
constexpr int kLegendHeight = 24;
constexpr int kTitleHeight = 18;
constexpr int kAxisLabelHeight = 16;
constexpr double kFontSize = 10;
constexpr double kTitleFontSize = 11;
constexpr const char* kMiddleDot = " \xC2\xB7 ";

std::string Text(double x, double y, const std::string& text, const std::string& anchor,
                 double font_size, const std::string& title = "") {
  return "<text x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) + "\" text-anchor=\"" + anchor +
         "\" font-size=\"" + SvgNumber(font_size) + "\">" + EscapeMarkup(text) +
         (title.empty() ? "" : "<title>" + EscapeMarkup(title) + "</title>") + "</text>";
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& colour,
                 double width = 1) {
  return "<line x1=\"" + SvgNumber(x1) + "\" y1=\"" + SvgNumber(y1) + "\" x2=\"" + SvgNumber(x2) +
         "\" y2=\"" + SvgNumber(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"" +
         SvgNumber(width) + "\"/>";
}

// A panel's rows: those whose key starts with the panel's key.
struct Panel {
  std::string title;
  std::vector<int> rows;  // oldest month first
};

// "trend:department:X/2026-05" -> "trend:department:X".
std::string PanelKey(const std::string& row_key) { return row_key.substr(0, row_key.rfind('/')); }

std::vector<Panel> PanelsOf(const ReportTable& table) {
  std::vector<Panel> panels;
  std::string current;
  for (int r = 0; r < static_cast<int>(table.rows.size()); ++r) {
    const ReportRow& row = table.rows[r];
    if (panels.empty() || PanelKey(row.key) != current) {
      current = PanelKey(row.key);
      const size_t dot = row.label.rfind(kMiddleDot);
      panels.push_back(Panel{dot == std::string::npos ? row.label : row.label.substr(0, dot), {}});
    }
    panels.back().rows.push_back(r);
  }
  return panels;
}

// The value a point stands at; nullopt for a hidden or empty cell.
std::optional<double> PointValue(const ReportCell& cell) {
  if (cell.Hidden()) return std::nullopt;
  switch (cell.kind) {
    case CellKind::kCount:
    case CellKind::kEuros:
      return static_cast<double>(cell.integer);
    case CellKind::kPercent:
    case CellKind::kDecimal:
      return cell.real;
    default:
      return std::nullopt;
  }
}

// 1, 2 or 5 times a power of ten, at least `value`.
double RoundUp(double value) {
  if (value <= 0) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

std::string AxisText(double value, CellKind kind) {
  switch (kind) {
    case CellKind::kEuros:
      return FormatWholeEuros(static_cast<int64_t>(std::llround(value)));
    case CellKind::kPercent:
      return FormatPercent(value, 0);
    default:
      return FormatCount(static_cast<int64_t>(std::llround(value)));
  }
}

struct Scale {
  CellKind kind = CellKind::kCount;
  double top = 1;
};

Scale PanelScale(const std::vector<TrendLine>& lines, const Panel& panel) {
  Scale scale;
  scale.kind =
      lines.front().table->columns[lines.front().table->ColumnOf(lines.front().column_key)].kind;
  if (scale.kind == CellKind::kPercent) return Scale{scale.kind, 1.0};
  double highest = 0;
  for (const TrendLine& line : lines) {
    const int column = line.table->ColumnOf(line.column_key);
    for (int row : panel.rows) {
      highest = std::max(highest, PointValue(line.table->At(row, column)).value_or(0));
    }
  }
  scale.top = RoundUp(highest);
  return scale;
}

// The polyline pieces of one line: a hidden or empty month ends a piece; a
// piece of one point is a dot.
std::string LineSvg(const TrendLine& line, const Panel& panel, double x0, double step,
                    double y_bottom, double height, double top) {
  const int column = line.table->ColumnOf(line.column_key);
  std::string svg;
  std::string points;
  int in_piece = 0;
  double last_x = 0;
  double last_y = 0;
  auto flush = [&]() {
    if (in_piece == 1) {
      svg += "<circle cx=\"" + SvgNumber(last_x) + "\" cy=\"" + SvgNumber(last_y) +
             "\" r=\"2\" fill=\"" + line.colour + "\"/>";
    } else if (in_piece > 1) {
      svg += "<polyline fill=\"none\" stroke=\"" + line.colour +
             "\" stroke-width=\"1.6\" points=\"" + points + "\"/>";
    }
    points.clear();
    in_piece = 0;
  };
  for (size_t m = 0; m < panel.rows.size(); ++m) {
    const std::optional<double> value = PointValue(line.table->At(panel.rows[m], column));
    if (!value) {
      flush();
      continue;
    }
    last_x = x0 + step * static_cast<double>(m);
    last_y = y_bottom - height * std::clamp(*value / top, -0.1, 1.0);
    points += (points.empty() ? "" : " ") + SvgNumber(last_x) + "," + SvgNumber(last_y);
    ++in_piece;
  }
  flush();
  return svg;
}

// The month of a trend row: the text after the last "/" of its key.
std::string MonthOf(const std::string& row_key) { return row_key.substr(row_key.rfind('/') + 1); }

std::string PanelSvg(const std::vector<TrendLine>& lines, const Panel& panel, double x, double y) {
  const Scale scale = PanelScale(lines, panel);
  const std::string top_text = AxisText(scale.top, scale.kind);
  const double axis_width =
      std::max(SvgTextWidth(top_text, kFontSize), SvgTextWidth("0", kFontSize));
  const double left = x + axis_width + 6;
  const double right = x + kPanelWidth - 14;
  const double plot_top = y + kTitleHeight + 6;
  const double bottom = y + kPanelHeight - kAxisLabelHeight - 6;
  std::string svg = Text(x + 2, y + 12, SvgFitText(panel.title, kPanelWidth - 8, kTitleFontSize),
                         "start", kTitleFontSize, panel.title);
  svg +=
      Line(left, bottom, right, bottom, "#9e9e9e") + Line(left, plot_top, left, bottom, "#9e9e9e");
  svg += Line(left, plot_top, right, plot_top, "#e0e0e0");
  svg += Text(left - 3, plot_top + 4, top_text, "end", kFontSize);
  svg += Text(left - 3, bottom + 3, "0", "end", kFontSize);
  const double step =
      panel.rows.size() > 1 ? (right - left) / static_cast<double>(panel.rows.size() - 1) : 0;
  const ReportTable& first = *lines.front().table;
  svg += Text(left, bottom + 13, MonthOf(first.rows[panel.rows.front()].key), "start", kFontSize);
  svg += Text(right, bottom + 13, MonthOf(first.rows[panel.rows.back()].key), "end", kFontSize);
  for (const TrendLine& line : lines) {
    svg += LineSvg(line, panel, left, step, bottom, bottom - plot_top, scale.top);
  }
  return svg;
}

std::string LegendSvg(const std::vector<TrendLine>& lines) {
  std::string svg;
  double x = 4;
  for (const TrendLine& line : lines) {
    svg += Line(x, 12, x + 18, 12, line.colour, 2.5);
    svg += Text(x + 22, 16, line.label, "start", kFontSize + 1);
    x += 22 + SvgTextWidth(line.label, kFontSize + 1) + 18;
  }
  return svg;
}

double LegendWidth(const std::vector<TrendLine>& lines) {
  double x = 4;
  for (const TrendLine& line : lines) x += 22 + SvgTextWidth(line.label, kFontSize + 1) + 18;
  return x;
}

std::string SvgOf(const std::vector<TrendLine>& lines, const std::vector<Panel>& panels,
                  size_t first, size_t end, const std::string& aria_label) {
  const int rows = static_cast<int>((end - first + kPanelsPerRow - 1) / kPanelsPerRow);
  const int width =
      std::max(kPanelsPerRow * kPanelWidth, static_cast<int>(std::ceil(LegendWidth(lines))));
  const int height = kLegendHeight + rows * kPanelHeight;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"" + EscapeMarkup(aria_label) +
                    "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"10\">";
  svg += LegendSvg(lines);
  for (size_t p = first; p < end; ++p) {
    const int at = static_cast<int>(p - first);
    const int column = at % kPanelsPerRow;
    const int row = at / kPanelsPerRow;  // whole rows of panels
    svg += PanelSvg(lines, panels[p], column * kPanelWidth, kLegendHeight + row * kPanelHeight);
  }
  return svg + "</svg>";
}

}  // namespace

std::vector<std::string> TrendSmallMultiplesSvg(const std::vector<TrendLine>& lines,
                                                const std::string& aria_label) {
  std::vector<std::string> svgs;
  if (lines.empty() || lines.front().table->rows.empty()) return svgs;
  const std::vector<Panel> panels = PanelsOf(*lines.front().table);
  constexpr size_t per_svg = static_cast<size_t>(kPanelsPerRow) * kRowsPerSvg;
  for (size_t first = 0; first < panels.size(); first += per_svg) {
    svgs.push_back(
        SvgOf(lines, panels, first, std::min(panels.size(), first + per_svg), aria_label));
  }
  return svgs;
}

}  // namespace clusterpilot
