// The page handlers the route table names, one file per page or group
// (web/*_page.cc), and the error page the dispatcher answers with.
#ifndef CLUSTERPILOT_WEB_WEB_PAGES_H_
#define CLUSTERPILOT_WEB_WEB_PAGES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"
#include "core/language.h"
#include "web/page_context.h"

namespace clusterpilot {

WebResponse LoginPage(PageContext& context);
WebResponse LoginSubmit(PageContext& context);
WebResponse LogoutSubmit(PageContext& context);
WebResponse HomeRedirect(PageContext& context);
WebResponse StyleSheet(PageContext& context);
WebResponse WorklistPage(PageContext& context);
WebResponse ConfirmAllSubmit(PageContext& context);
WebResponse MeasurementPage(PageContext& context);
WebResponse ReviewSubmit(PageContext& context);
WebResponse DuePage(PageContext& context);
WebResponse DepartmentsPage(PageContext& context);
WebResponse ReportsPage(PageContext& context);
WebResponse ReportStyle(PageContext& context);
WebResponse ReportDownload(PageContext& context);
WebResponse ImportSubmit(PageContext& context);
WebResponse UsersPage(PageContext& context);
WebResponse AuditPage(PageContext& context);

// The month of ?month=YYYY-MM, else the month of the latest rating, else
// this month; an error for a month written otherwise.
Result<CalendarMonth> ChosenMonth(PageContext& context);

// The same, with the latest rating's month from `latest` (the worklist's
// kept one), asked only when the request names no month.
Result<CalendarMonth> ChosenMonth(const WebRequest& request,
                                  const std::function<Result<CalendarMonth>()>& latest);

// The month of the store's latest rating, else this month.
Result<CalendarMonth> LatestRatingMonth(Store& store);

// Writes the audit entry of a page that shows patient data, naming the user,
// the object and the client's address; called before the page answers.
Status AuditPageView(PageContext& context, const std::string& action, const std::string& object);

// Whether the signed-in user works for `department`.
bool WorksFor(const PageContext& context, const std::string& department);

// A page in the frame (or JSON {"error": message}) with the status and the
// catalogue's phrase `key`, in the page's language (PageLanguage).
WebResponse ErrorPage(const PageContext& context, int status, std::string_view key,
                      const std::vector<PhraseValue>& values = {});

// The same with a message already written in the page's language (an
// importer's error).
WebResponse ErrorMessagePage(const PageContext& context, int status, const std::string& message);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_WEB_PAGES_H_
