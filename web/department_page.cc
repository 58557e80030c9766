// The department overview for managers and finance: per department in one
// month the cluster mix, the poor-fit share and the review share. Counts
// only; no patient id reaches the page.
#include <map>

#include "core/calendar_date.h"
#include "core/cluster_assignment.h"
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

int Percent(int64_t part, int64_t whole) {
  return whole == 0 ? 0 : static_cast<int>((part * 100 + whole / 2) / whole);
}

Poco::JSON::Object::Ptr FigureValues(const std::string& department,
                                     const DepartmentFigures& figures) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("department", department);
  values->set("measurements", figures.measurements);
  values->set("poor_fit_percent", Percent(figures.poor_fit, figures.measurements));
  values->set("reviewed_percent", Percent(figures.reviewed, figures.measurements));
  Poco::JSON::Array::Ptr mix = new Poco::JSON::Array;
  for (const auto& [cluster, count] : figures.clusters) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
    entry->set("cluster", cluster);
    entry->set("measurements", count);
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

Result<CalendarMonth> ChosenMonth(PageContext& context) {
  const std::string asked = context.request.Query("month");
  if (!asked.empty()) return CalendarMonth::Parse(asked);
  Result<std::optional<CalendarDate>> latest = LatestRatingDate(context.store);
  if (!latest.ok()) return latest.error();
  return latest.value() ? CalendarMonth::Of(*latest.value()) : CalendarMonth::Current();
}

}  // namespace

WebResponse DepartmentsPage(PageContext& context) {
  Result<CalendarMonth> month = ChosenMonth(context);
  if (!month.ok()) {
    return ErrorPage(context.request, 400, "Maand: schrijf JJJJ-MM / Month: write YYYY-MM");
  }
  Result<std::vector<std::string>> departments = VisibleDepartments(context);
  if (!departments.ok()) return ErrorPage(context.request, 500, "Interne fout / Internal error");
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const std::string& department : departments.value()) {
    Result<std::vector<AssignmentRow>> rows =
        ReadAssignments(context.store, AssignmentFilter{month.value(), department});
    if (!rows.ok()) return ErrorPage(context.request, 500, "Interne fout / Internal error");
    list->add(FigureValues(department, Tally(rows.value())));
  }
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("month", month.value().Key());
  values->set("departments", list);
  return RenderPage(context, 200, "Afdelingen / Departments " + month.value().Key(), "departments",
                    values);
}

}  // namespace clusterpilot
