// The dispatcher: routes a request through the route table, finds the
// session, refuses what the role may not see (403), sends the signed-out to
// /login (JSON: 401), checks the CSRF token and the Origin/Referer of every
// POST, runs the page and puts the security headers on every answer.
// Thread-safe: each request leases its own store connection.
#ifndef CLUSTERPILOT_WEB_WEB_APP_H_
#define CLUSTERPILOT_WEB_WEB_APP_H_

#include <utility>

#include "web/audit_group_commit.h"
#include "web/measurement_page_cache.h"
#include "web/page_context.h"
#include "web/recent_reads.h"
#include "web/revenue_table_cache.h"
#include "web/sign_in.h"
#include "web/store_pool.h"
#include "web/web_exchange.h"
#include "web/worklist_cache.h"

namespace clusterpilot {

// The name of the session cookie, and of the cookie that carries the login
// form's CSRF token before there is a session.
inline constexpr const char* kSessionCookie = "cp_session";
inline constexpr const char* kLoginCsrfCookie = "cp_login";

class WebApp {
 public:
  WebApp(StorePool& stores, SessionPolicy policy, ReportSettings reports, int recheck_seconds)
      : stores_(stores),
        policy_(policy),
        reports_(std::move(reports)),
        recent_reads_(recheck_seconds) {}

  WebResponse Handle(const WebRequest& request);

 private:
  WebResponse Dispatch(const WebRequest& request);

  StorePool& stores_;
  SessionPolicy policy_;
  ReportSettings reports_;
  WorklistCache worklists_;
  AuditGroupCommit page_views_;
  SessionTouches session_touches_;
  RevenueTableCache revenue_;
  MeasurementPageCache measurement_pages_;
  RecentReads recent_reads_;
};

// Sets the headers every answer carries (CSP, nosniff, frame denial, ...).
void AddSecurityHeaders(WebResponse* response);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_WEB_APP_H_
