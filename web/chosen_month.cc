// The month a page shows, shared by the worklist, the department overview
// and the reports page.
#include "core/calendar_date.h"
#include "store/rating_lookup.h"
#include "web/web_pages.h"

namespace clusterpilot {

Result<CalendarMonth> ChosenMonth(PageContext& context) {
  return ChosenMonth(context.request, [&] { return LatestRatingMonth(context.store); });
}

Result<CalendarMonth> ChosenMonth(const WebRequest& request,
                                  const std::function<Result<CalendarMonth>()>& latest) {
  const std::string asked = request.Query("month");
  if (!asked.empty()) return CalendarMonth::Parse(asked);
  return latest();
}

Result<CalendarMonth> LatestRatingMonth(Store& store) {
  Result<std::optional<CalendarDate>> latest = LatestRatingDate(store);
  if (!latest.ok()) return latest.error();
  return latest.value() ? CalendarMonth::Of(*latest.value()) : CalendarMonth::Current();
}

}  // namespace clusterpilot
