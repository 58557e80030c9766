#include "reports/transition_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "reports/markup.h"
#include "reports/report_keys.h"
#include "reports/svg_charts.h"
#include "reports/svg_text.h"

namespace clusterpilot {
namespace {

constexpr int kWidth = 900;
constexpr int kPanelWidth = 440;
constexpr int kPanelGap = 20;
constexpr int kTitleHeight = 20;
constexpr int kNodeWidth = 10;
constexpr int kLabelRoom = 34;
constexpr double kNodeGap = 4;
constexpr double kTallestFlow = 240;  // px of the largest department's patients
constexpr double kMaxPxPerPatient = 6;
constexpr int kMaxSvgHeight = 1150;  // about an A4 page at the report's width
constexpr double kFontSize = 10;
constexpr double kLabelMinHeight = 9;  // a shorter node carries its number in its title only
constexpr const char* kHiddenColour = "#bdbdbd";
constexpr int kHiddenNode = -1;

std::string Text(double x, double y, const std::string& text, const std::string& anchor,
                 const std::string& title = "") {
  return "<text x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) + "\" text-anchor=\"" + anchor +
         "\">" + EscapeMarkup(text) +
         (title.empty() ? "" : "<title>" + EscapeMarkup(title) + "</title>") + "</text>";
}

struct Flow {
  int from = 0;
  int to = 0;  // kHiddenNode: the row's hidden cells together
  int64_t patients = 0;
};

struct Department {
  std::string name;
  std::vector<Flow> flows;
  int64_t Drawn() const {
    int64_t total = 0;
    for (const Flow& flow : flows) total += flow.patients;
    return total;
  }
};

// "transition:Psychosomatics/from:4" -> 4.
int FromCluster(const std::string& key) { return std::stoi(key.substr(key.rfind(':') + 1)); }

std::vector<Department> DepartmentsOf(const ReportTable& table) {
  std::vector<Department> departments;
  const int rerated = table.ColumnOf(column_key::kRerated);
  for (const ReportRow& row : table.rows) {
    const std::string name = row.key.substr(11, row.key.rfind("/from:") - 11);  // "transition:"
    if (departments.empty() || departments.back().name != name) departments.push_back({name, {}});
    const int from = FromCluster(row.key);
    int64_t shown = 0;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const ReportCell& cell = row.cells[c];
      if (!table.columns[c].key.starts_with("to:") || cell.Hidden() || cell.integer <= 0) continue;
      departments.back().flows.push_back(
          {from, std::stoi(table.columns[c].key.substr(3)), cell.integer});
      shown += cell.integer;
    }
    const ReportCell& total = row.cells[rerated];
    if (!total.Hidden() && total.integer > shown) {
      departments.back().flows.push_back({from, kHiddenNode, total.integer - shown});
    }
  }
  return departments;
}

// Node positions of one side: cluster -> top y and height.
struct Node {
  double y = 0;
  double height = 0;
  double used = 0;  // of height, by the bands drawn so far
};

std::map<int, Node> Stack(const std::vector<Flow>& flows, bool left, double top, double scale) {
  std::map<int, int64_t> patients;
  for (const Flow& flow : flows) patients[left ? flow.from : flow.to] += flow.patients;
  std::map<int, Node> nodes;
  double y = top;
  // Clusters in order, the hidden node last.
  auto place = [&](int cluster, int64_t count) {
    nodes[cluster] = Node{y, std::max(1.0, count * scale), 0};
    y += nodes[cluster].height + kNodeGap;
  };
  for (const auto& [cluster, count] : patients) {
    if (cluster != kHiddenNode) place(cluster, count);
  }
  if (patients.count(kHiddenNode) > 0) place(kHiddenNode, patients[kHiddenNode]);
  return nodes;
}

double StackHeight(const std::map<int, Node>& nodes, double top) {
  double bottom = top;
  for (const auto& [cluster, node] : nodes) bottom = std::max(bottom, node.y + node.height);
  return bottom - top;
}

std::string Colour(int cluster) {
  return cluster == kHiddenNode ? kHiddenColour : ClusterColour(cluster);
}

std::string NodeLabel(int cluster, Language language) {
  return cluster == kHiddenNode ? Phrase(language, "chart.transition_hidden")
                                : std::to_string(cluster);
}

std::string Band(double x1, double y1, double x2, double y2, double height,
                 const std::string& colour, const std::string& title) {
  const double middle = (x1 + x2) / 2;
  return "<path d=\"M" + SvgNumber(x1) + " " + SvgNumber(y1) + " C" + SvgNumber(middle) + " " +
         SvgNumber(y1) + " " + SvgNumber(middle) + " " + SvgNumber(y2) + " " + SvgNumber(x2) + " " +
         SvgNumber(y2) + " L" + SvgNumber(x2) + " " + SvgNumber(y2 + height) + " C" +
         SvgNumber(middle) + " " + SvgNumber(y2 + height) + " " + SvgNumber(middle) + " " +
         SvgNumber(y1 + height) + " " + SvgNumber(x1) + " " + SvgNumber(y1 + height) +
         " Z\" fill=\"" + colour + "\" fill-opacity=\"0.55\"><title>" + EscapeMarkup(title) +
         "</title></path>";
}

std::string NodesSvg(const std::map<int, Node>& nodes, double x, bool left, Language language) {
  std::string svg;
  for (const auto& [cluster, node] : nodes) {
    const std::string label = NodeLabel(cluster, language);
    svg += "<rect x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(node.y) + "\" width=\"" +
           std::to_string(kNodeWidth) + "\" height=\"" + SvgNumber(node.height) + "\" fill=\"" +
           Colour(cluster) + "\"><title>" + EscapeMarkup(label) + "</title></rect>";
    if (node.height < kLabelMinHeight) continue;
    const double y = node.y + node.height / 2 + 3.5;
    svg += left ? Text(x - 3, y, label, "end") : Text(x + kNodeWidth + 3, y, label, "start");
  }
  return svg;
}

// One department's panel at (x, y); returns its height in *height.
std::string PanelSvg(const Department& department, double x, double y, double scale,
                     Language language, double* height) {
  const double top = y + kTitleHeight;
  std::map<int, Node> left = Stack(department.flows, true, top, scale);
  std::map<int, Node> right = Stack(department.flows, false, top, scale);
  const double x1 = x + kLabelRoom;
  const double x2 = x + kPanelWidth - kLabelRoom - kNodeWidth;
  std::string svg = Text(x, y + 13, SvgFitText(department.name, kPanelWidth, kFontSize + 1),
                         "start", department.name);
  for (const Flow& flow : department.flows) {
    Node& from = left[flow.from];
    Node& to = right[flow.to];
    const double band = std::max(0.5, flow.patients * scale);
    svg += Band(x1 + kNodeWidth, from.y + from.used, x2, to.y + to.used, band, Colour(flow.from),
                NodeLabel(flow.from, language) + " \xE2\x86\x92 " + NodeLabel(flow.to, language));
    from.used += band;
    to.used += band;
  }
  svg += NodesSvg(left, x1, true, language) + NodesSvg(right, x2, false, language);
  *height = kTitleHeight + std::max(StackHeight(left, top), StackHeight(right, top)) + 16;
  return svg;
}

std::string SvgOpen(int height, const std::string& label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" +
         EscapeMarkup(label) + "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"" +
         SvgNumber(kFontSize) + "\">";
}

}  // namespace

std::vector<std::string> TransitionFlowSvg(const ReportTable& transitions, Language language) {
  const std::vector<Department> departments = DepartmentsOf(transitions);
  int64_t largest = 0;
  for (const Department& department : departments) largest = std::max(largest, department.Drawn());
  std::vector<std::string> svgs;
  if (largest == 0) return svgs;
  // One scale for every department, so that bands compare across panels.
  const double scale = std::min(kMaxPxPerPatient, kTallestFlow / static_cast<double>(largest));
  const std::string label = Phrase(language, "chart.transitions");
  std::string body;
  double y = 0;
  for (size_t d = 0; d < departments.size(); d += 2) {
    std::string row;
    double row_height = 0;
    for (size_t p = d; p < std::min(d + 2, departments.size()); ++p) {
      double height = 0;
      row += PanelSvg(departments[p], (p - d) * (kPanelWidth + kPanelGap), y, scale, language,
                      &height);
      row_height = std::max(row_height, height);
    }
    if (y > 0 && y + row_height > kMaxSvgHeight) {
      // Starts a new drawing with this row at its top.
      svgs.push_back(SvgOpen(static_cast<int>(std::ceil(y)), label) + body + "</svg>");
      body.clear();
      y = 0;
      d -= 2;
      continue;
    }
    body += row;
    y += row_height;
  }
  svgs.push_back(SvgOpen(static_cast<int>(std::ceil(y)), label) + body + "</svg>");
  return svgs;
}

}  // namespace clusterpilot
