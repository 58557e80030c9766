// The month a page shows, shared by the worklist, the department overview
// and the reports page.
#include "core/calendar_date.h"
#include "store/rating_lookup.h"
#include "web/web_pages.h"

namespace clusterpilot {

Result<CalendarMonth> ChosenMonth(PageContext& context) {
  const std::string asked = context.request.Query("month");
  if (!asked.empty()) return CalendarMonth::Parse(asked);
  return LatestRatingMonth(context.store);
}

Result<CalendarMonth> LatestRatingMonth(Store& store) {
  Result<std::optional<CalendarDate>> latest = LatestRatingDate(store);
  if (!latest.ok()) return latest.error();
  return latest.value() ? CalendarMonth::Of(*latest.value()) : CalendarMonth::Current();
}

}  // namespace clusterpilot
