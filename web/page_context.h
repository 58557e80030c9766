// What a page handler gets: the request, who is signed in, a store
// connection and the {id} of its route. Handlers answer with a WebResponse
// and never see Poco's HTTP types.
#ifndef CLUSTERPILOT_WEB_PAGE_CONTEXT_H_
#define CLUSTERPILOT_WEB_PAGE_CONTEXT_H_

#include <cstdint>
#include <string>

#include "reports/due_list.h"
#include "web/sign_in.h"
#include "web/web_exchange.h"

namespace clusterpilot {

class AuditGroupCommit;
class MeasurementPageCache;
class RecentReads;
class RevenueTableCache;
class Store;
class WorklistCache;

// Where the reports page finds the monthly reports: one folder per month
// (FOLDER/2026-03/report.html, ...), written by the report library when a
// month is first asked for and a tariff file is set.
struct ReportSettings {
  std::string folder;        // "" : no reports page content
  std::string tariff_file;   // "" : only reports already written are shown
  std::string revenue_file;  // optional, as `report --revenue`
  // The due page leaves out patients without revenue rows in this many
  // months (as `clusterpilot due`), when a revenue file is set.
  int discharged_after_months = kDefaultDischargedAfterMonths;
  int64_t upload_limit_bytes = int64_t{64} << 20;  // an uploaded export's largest size
};

struct PageContext {
  const WebRequest& request;
  const SignedInUser* user;  // nullptr on routes that need no login
  Store& store;
  std::string path_id;  // the {id} part of the route; "" when it has none
  const SessionPolicy& policy;
  int64_t now;  // Unix seconds
  const ReportSettings& reports;
  WorklistCache& worklists;                 // the server's, shared by every request
  AuditGroupCommit& page_views;             // the server's: page-view audit entries share commits
  RevenueTableCache& revenue;               // the server's: the due page's revenue file
  MeasurementPageCache& measurement_pages;  // the server's: measurement pages' details
  RecentReads& recent_reads;                // the server's: sessions and the stamp, kept briefly
};

using PageHandler = WebResponse (*)(PageContext& context);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_PAGE_CONTEXT_H_
