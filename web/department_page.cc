// The department overview for managers and finance: per department in one
// month the cluster mix, the poor-fit share and the review share. Counts
// only; no patient id reaches the page, and every count passes the report's
// small-cell suppression (reports/small_cell_suppression.h): 1..4 read "<5",
// and a complementary cell is hidden where a total would give one away.
#include <cmath>
#include <map>

#include "core/calendar_date.h"
#include "core/cluster_assignment.h"
#include "reports/small_cell_suppression.h"
#include "store/assignment_listing.h"
#include "store/rating_lookup.h"
#include "web/page_renderer.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

struct DepartmentFigures {
  int64_t measurements = 0;
  int64_t poor_fit = 0;
  int64_t reviewed = 0;
  std::map<int, int64_t> clusters;  // final cluster -> measurements
};

DepartmentFigures Tally(const std::vector<AssignmentRow>& rows) {
  DepartmentFigures figures;
  for (const AssignmentRow& row : rows) {
    ++figures.measurements;
    if ((row.flags & kPoorFitFlags) != 0) ++figures.poor_fit;
    if (row.clinician_override) ++figures.reviewed;
    ++figures.clusters[row.FinalCluster()];
  }
  return figures;
}

// One department's figures as a report table: a row per cluster of the mix,
// the total, the poor-fit and the reviewed counts, each with its
// percentage of the total (hidden with its count).
DraftTable FigureTable(const DepartmentFigures& figures) {
  DraftTable draft;
  draft.table.id = "department";
  draft.table.columns = {{"count", "", CellKind::kCount, 0},
                         {"percent", "", CellKind::kPercent, 0}};
  const auto add_row = [&](const std::string& key, int64_t count) {
    draft.table.rows.push_back(
        {key,
         key,
         RowStyle::kNormal,
         {ReportCell::Count(count), ReportCell::Percent(count, figures.measurements)}});
    const int row = static_cast<int>(draft.table.rows.size()) - 1;
    draft.relations.links.push_back({{row, 0}, {row, 1}});
    return row;
  };
  TableSum total;
  for (const auto& [cluster, count] : figures.clusters) {
    total.parts.push_back({add_row("cluster:" + std::to_string(cluster), count), 0});
  }
  total.total = {add_row("total", figures.measurements), 0};
  draft.relations.sums.push_back(total);
  add_row("poor_fit", figures.poor_fit);
  add_row("reviewed", figures.reviewed);
  return draft;
}

// A count as the page shows it: the number, or "<5" / "x" when hidden.
std::string Shown(const ReportCell& cell, int suppress_below) {
  if (cell.Hidden()) return HiddenMarker(cell, suppress_below);
  return std::to_string(cell.integer);
}

// A percentage as "12%"; a hidden one reads "n<5" or "x", never "<5%".
std::string ShownPercent(const ReportTable& table, const std::string& row, int suppress_below) {
  const ReportCell& cell = table.At(table.RowIndex(row), 1);
  if (cell.Hidden()) return HiddenMarker(cell, table.columns[1], suppress_below);
  if (cell.kind != CellKind::kPercent) return "0%";
  return std::to_string(std::lround(cell.real * 100)) + "%";
}

Result<Poco::JSON::Object::Ptr> FigureValues(const std::string& department,
                                             const DepartmentFigures& figures) {
  DraftTable draft = FigureTable(figures);
  const SuppressionLimits limits;
  Status suppressed = SuppressSmallCells(&draft.table, draft.relations, limits);
  if (!suppressed.ok()) return suppressed.error();
  const ReportTable& table = draft.table;
  const int below = limits.suppress_below;
  const int total = table.RowIndex("total");
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("department", department);
  values->set("measurements", Shown(table.At(total, 0), below));
  values->set("poor_fit_percent", ShownPercent(table, "poor_fit", below));
  values->set("reviewed_percent", ShownPercent(table, "reviewed", below));
  Poco::JSON::Array::Ptr mix = new Poco::JSON::Array;
  for (const auto& [cluster, count] : figures.clusters) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
    entry->set("cluster", cluster);
    entry->set("measurements",
               Shown(table.At(table.RowIndex("cluster:" + std::to_string(cluster)), 0), below));
    mix->add(entry);
  }
  values->set("cluster_mix", mix);
  return values;
}

// A manager sees their own departments; finance sees every department.
Result<std::vector<std::string>> VisibleDepartments(PageContext& context) {
  if (context.user->user.role == WebRole::kManager) return context.user->user.departments;
  Result<std::set<std::string>> all = StoreDepartments(context.store);
  if (!all.ok()) return all.error();
  return std::vector<std::string>(all.value().begin(), all.value().end());
}

}  // namespace

WebResponse DepartmentsPage(PageContext& context) {
  Result<CalendarMonth> month = ChosenMonth(context);
  if (!month.ok()) {
    return ErrorPage(context, 400, "web.error.month");
  }
  Result<std::vector<std::string>> departments = VisibleDepartments(context);
  if (!departments.ok()) return ErrorPage(context, 500, "web.error.internal");
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const std::string& department : departments.value()) {
    Result<std::vector<AssignmentRow>> rows =
        ReadAssignments(context.store, AssignmentFilter{month.value(), department});
    if (!rows.ok()) return ErrorPage(context, 500, "web.error.internal");
    Result<Poco::JSON::Object::Ptr> figures = FigureValues(department, Tally(rows.value()));
    if (!figures.ok()) return ErrorPage(context, 500, "web.error.internal");
    list->add(figures.value());
  }
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("month", month.value().Key());
  values->set("departments", list);
  return RenderPage(context, 200,
                    Phrase(PageLanguage(context), "web.title.departments",
                           {Value("{month}", month.value().Key())}),
                    "departments", values);
}

}  // namespace clusterpilot
