// The clinician's due list: the patients of their departments whose
// re-rating is due within a window after a date, or overdue, from the same
// library as `clusterpilot due`. With the reports page's revenue file set
// (serve.revenue), patients without revenue in the last
// due.discharged_after_months months are left out as discharged, as there;
// the file is read once and kept until it changes (revenue_table_cache.h).
// Audited before it answers, like every page with patient ids.
#include <algorithm>
#include <optional>
#include <utility>

#include "core/calendar_date.h"
#include "reports/due_list.h"
#include "reports/revenue_table.h"
#include "web/page_renderer.h"
#include "web/revenue_table_cache.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

constexpr int kDefaultWithinDays = 30;
constexpr int kLongestWithinDays = 366;

// ?within=N days, 0 to a year; the default otherwise.
int ChosenWithin(const std::string& asked) {
  if (asked.empty() || asked.size() > 3 ||
      asked.find_first_not_of("0123456789") != std::string::npos) {
    return kDefaultWithinDays;
  }
  return std::min(std::stoi(asked), kLongestWithinDays);
}

// The patients still in care by the reports page's revenue file, as
// `clusterpilot due --revenue` counts them; nobody is left out (nullopt)
// when no revenue file is set.
Result<std::optional<PatientSet>> ActivePatients(PageContext& context, const CalendarDate& as_of) {
  const ReportSettings& settings = context.reports;
  if (settings.revenue_file.empty()) return std::optional<PatientSet>();
  Result<SharedRevenueTable> revenue =
      context.revenue.Table(settings.revenue_file, StoreDepartmentDirectory(context.store));
  if (!revenue.ok()) return revenue.error();
  return std::optional<PatientSet>(
      PatientsWithRecentRevenue(*revenue.value(), as_of, settings.discharged_after_months));
}

Poco::JSON::Object::Ptr DueValues(const DueRating& due) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("patient_id", due.last.patient_id);
  values->set("measurement", due.last.measurement_id);
  values->set("department", due.last.department);
  values->set("clinician", due.last.clinician);
  values->set("last_rating", due.last.rating_date);
  if (due.last.final_cluster > 0) values->set("cluster", due.last.final_cluster);
  values->set("review_period", due.period.Describe());
  values->set("due", due.due.ToIso());
  values->set("overdue", due.Overdue());
  values->set("days_overdue", due.days_overdue);
  return values;
}

}  // namespace

WebResponse DuePage(PageContext& context) {
  const WebRequest& request = context.request;
  const std::string asked = request.Query("as_of");
  const std::optional<CalendarDate> as_of = asked.empty()
                                                ? std::optional<CalendarDate>(CalendarDate::Today())
                                                : CalendarDate::Parse(asked);
  if (!as_of) return ErrorPage(context, 400, "web.error.date");
  DueQuery query;
  query.as_of = *as_of;
  query.within_days = ChosenWithin(request.Query("within"));
  Result<std::optional<PatientSet>> active = ActivePatients(context, *as_of);
  if (!active.ok()) return ErrorPage(context, 500, "web.error.internal");
  query.active_patients = std::move(active).value();
  const std::string clinician = request.Query("clinician");
  // The user's departments; a patient counts where they were rated last.
  Result<std::vector<DueRating>> due =
      ReadDueRatings(context.store, context.user->user.departments, clinician, query);
  if (!due.ok()) return ErrorPage(context, 500, "web.error.internal");
  const std::vector<DueRating>& list = due.value();
  Status audited = AuditPageView(context, "web due",
                                 "due ratings as of " + as_of->ToIso() + " within " +
                                     std::to_string(query.within_days) + " days, clinician " +
                                     (clinician.empty() ? "all" : clinician) + ": " +
                                     std::to_string(list.size()) + " patients");
  if (!audited.ok()) return ErrorPage(context, 500, "web.error.internal");
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  for (const DueRating& due : list) rows->add(DueValues(due));
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("as_of", as_of->ToIso());
  values->set("within", query.within_days);
  values->set("clinician", clinician);
  values->set("count", static_cast<int64_t>(list.size()));
  values->set("due", rows);
  return RenderPage(
      context, 200,
      Phrase(PageLanguage(context), "web.title.due", {Value("{date}", as_of->ToIso())}), "due",
      values);
}

}  // namespace clusterpilot
