// The clinician's worklist: the measurements of their departments in one
// month, flagged first, with counts and paging.
#include <algorithm>
#include <bit>
#include <cmath>

#include "core/calendar_date.h"
#include "core/cluster_assignment.h"
#include "store/assignment_listing.h"
#include "store/rating_lookup.h"
#include "web/page_renderer.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

constexpr size_t kRowsPerPage = 50;

// The month asked for, else the month of the latest rating, else this month.
Result<CalendarMonth> ChosenMonth(PageContext& context) {
  const std::string asked = context.request.Query("month");
  if (!asked.empty()) return CalendarMonth::Parse(asked);
  Result<std::optional<CalendarDate>> latest = LatestRatingDate(context.store);
  if (!latest.ok()) return latest.error();
  return latest.value() ? CalendarMonth::Of(*latest.value()) : CalendarMonth::Current();
}

bool Keep(const AssignmentRow& row, const std::string& filter) {
  if (filter == "flagged") return row.flags != 0;
  if (filter == "unreviewed") return !row.clinician_override;
  if (filter == "reviewed") return row.clinician_override.has_value();
  return true;
}

// Most flags first; then by date and id, so paging is stable.
void SortBySeverity(std::vector<AssignmentRow>* rows) {
  std::stable_sort(rows->begin(), rows->end(), [](const AssignmentRow& a, const AssignmentRow& b) {
    return std::popcount(a.flags) > std::popcount(b.flags);
  });
}

Poco::JSON::Object::Ptr RowValues(const AssignmentRow& row) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("id", row.measurement_id);
  values->set("patient_id", row.patient_id);
  values->set("department", row.department);
  values->set("rating_date", row.rating_date);
  values->set("clinician", row.clinician);
  values->set("cluster", row.cluster);
  values->set("probability_percent", static_cast<int>(std::lround(row.probability * 100)));
  values->set("flags", FitFlagNames(row.flags));
  values->set("flagged", row.flags != 0);
  values->set("reviewed", row.clinician_override.has_value());
  if (row.clinician_override) {
    values->set("review_cluster", row.clinician_override->cluster);
    values->set("review_by", row.clinician_override->by_user);
  }
  return values;
}

Poco::JSON::Object::Ptr Counts(const std::vector<AssignmentRow>& rows) {
  Poco::JSON::Object::Ptr counts = new Poco::JSON::Object;
  const auto count = [&](const std::string& filter) {
    return static_cast<int64_t>(std::count_if(
        rows.begin(), rows.end(), [&](const AssignmentRow& row) { return Keep(row, filter); }));
  };
  counts->set("all", static_cast<int64_t>(rows.size()));
  counts->set("flagged", count("flagged"));
  counts->set("unreviewed", count("unreviewed"));
  counts->set("reviewed", count("reviewed"));
  return counts;
}

Result<std::vector<AssignmentRow>> DepartmentRows(PageContext& context,
                                                  const CalendarMonth& month) {
  std::vector<AssignmentRow> rows;
  for (const std::string& department : context.user->user.departments) {
    Result<std::vector<AssignmentRow>> part =
        ReadAssignments(context.store, AssignmentFilter{month, department});
    if (!part.ok()) return part.error();
    rows.insert(rows.end(), part.value().begin(), part.value().end());
  }
  return rows;
}

}  // namespace

WebResponse WorklistPage(PageContext& context) {
  const WebRequest& request = context.request;
  Result<CalendarMonth> month = ChosenMonth(context);
  if (!month.ok()) return ErrorPage(request, 400, "Maand: schrijf JJJJ-MM / Month: write YYYY-MM");
  std::string filter = request.Query("filter");
  if (filter != "flagged" && filter != "unreviewed" && filter != "reviewed") filter = "all";
  const size_t page = std::max<size_t>(1, std::strtoul(request.Query("page").c_str(), nullptr, 10));
  Status audited = AuditPageView(context, "web worklist", "worklist " + month.value().Key());
  if (!audited.ok()) return ErrorPage(request, 500, "Interne fout / Internal error");
  Result<std::vector<AssignmentRow>> rows = DepartmentRows(context, month.value());
  if (!rows.ok()) return ErrorPage(request, 500, "Interne fout / Internal error");
  std::vector<AssignmentRow> shown;
  for (const AssignmentRow& row : rows.value()) {
    if (Keep(row, filter)) shown.push_back(row);
  }
  SortBySeverity(&shown);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (size_t i = (page - 1) * kRowsPerPage; i < shown.size() && i < page * kRowsPerPage; ++i) {
    list->add(RowValues(shown[i]));
  }
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("month", month.value().Key());
  values->set("filter", filter);
  values->set("page", static_cast<int64_t>(page));
  values->set("pages", static_cast<int64_t>((shown.size() + kRowsPerPage - 1) / kRowsPerPage));
  values->set("counts", Counts(rows.value()));
  values->set("measurements", list);
  if (page * kRowsPerPage < shown.size()) {
    values->set("next_page", static_cast<int64_t>(page + 1));
  }
  return RenderPage(context, 200, "Werklijst / Worklist " + month.value().Key(), "worklist",
                    values);
}

}  // namespace clusterpilot
