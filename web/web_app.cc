#include "web/web_app.h"

#include "web/route_table.h"
#include "web/secure_token.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

// The host (and port) part of an Origin or Referer: "a.nl:8443" of
// "https://a.nl:8443/x". The scheme is left out, because behind a
// TLS-terminating proxy the browser says https and the server sees http.
std::string AuthorityOf(const std::string& url) {
  const size_t start = url.find("://");
  if (start == std::string::npos) return "";
  const size_t end = url.find('/', start + 3);
  return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

// A POST must come from our own pages: Origin (or, without it, Referer) must
// name this server when the browser sends one.
bool SameOrigin(const WebRequest& request) {
  if (!request.origin.empty()) return AuthorityOf(request.origin) == request.host;
  if (!request.referer.empty()) return AuthorityOf(request.referer) == request.host;
  return true;
}

// The login form's token travels in a cookie (there is no session yet);
// every other form's token is the session's.
bool CsrfTokenMatches(const WebRequest& request, const Route& route, const SignedInUser* user) {
  const std::string given = request.Form("csrf_token");
  if (route.roles == kNoLogin) return TokensEqual(given, request.login_csrf_cookie);
  return user != nullptr && TokensEqual(given, user->csrf_token);
}

WebResponse NotSignedIn(const PageContext& context) {
  if (context.request.wants_json) return ErrorPage(context, 401, "web.error.not_logged_in");
  return Redirect("/login");
}

}  // namespace

void AddSecurityHeaders(WebResponse* response) {
  response->headers.emplace_back("Content-Security-Policy",
                                 "default-src 'none'; style-src 'self'; img-src 'self'; "
                                 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  response->headers.emplace_back("X-Content-Type-Options", "nosniff");
  // Not no-referrer: with it browsers send "Origin: null" on form posts,
  // and the Origin check needs the real one.
  response->headers.emplace_back("Referrer-Policy", "same-origin");
  response->headers.emplace_back("X-Frame-Options", "DENY");
  response->headers.emplace_back("Cache-Control", "no-store");
}

WebResponse WebApp::Handle(const WebRequest& request) {
  WebResponse response = Dispatch(request);
  AddSecurityHeaders(&response);
  return response;
}

// The user is found before the route, so that even a 404 is in the
// signed-in user's language.
WebResponse WebApp::Dispatch(const WebRequest& request) {
  StorePool::Lease lease(stores_);
  const int64_t now = UnixNow();
  Result<std::optional<SignedInUser>> user = recent_reads_.SignedIn(
      lease.store(), request.session_cookie, policy_, now, &session_touches_);
  const SignedInUser* signed_in = user.ok() && user.value() ? &*user.value() : nullptr;
  PageContext context{request,     signed_in, lease.store(),      "",
                      policy_,     now,       reports_,           worklists_,
                      page_views_, revenue_,  measurement_pages_, recent_reads_};
  if (!user.ok()) return ErrorPage(context, 500, "web.error.internal");
  bool path_known = false;
  const Route* route = FindRoute(request.method, request.path, &context.path_id, &path_known);
  if (route == nullptr) {
    return path_known ? ErrorPage(context, 405, "web.error.method")
                      : ErrorPage(context, 404, "web.error.not_found");
  }
  if (route->roles != kNoLogin) {
    if (signed_in == nullptr) return NotSignedIn(context);
    if (!RouteAllows(*route, signed_in->user.role)) {
      return ErrorPage(context, 403, "web.error.role");
    }
  }
  if (request.method != "POST") return route->handler(context);
  if (!SameOrigin(request) || !CsrfTokenMatches(request, *route, signed_in)) {
    return ErrorPage(context, 403, "web.error.form");
  }
  if (route->roles == kNoLogin) return route->handler(context);  // the login writes nothing kept
  // Every other write of this server is a POST: what it changed shows at
  // once, also when the handler throws after its commit.
  struct ForgetAfterwards {
    RecentReads& reads;
    ~ForgetAfterwards() { reads.ForgetAll(); }
  } forget{recent_reads_};
  return route->handler(context);
}

}  // namespace clusterpilot
