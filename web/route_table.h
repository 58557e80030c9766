// The one table of the web app's routes: method, path, the roles that may use
// it and the handler. The dispatcher (web/web_app.h) routes and checks roles
// from it, and the tests read it to try every route with every role, so a
// route cannot exist without its role check.
#ifndef CLUSTERPILOT_WEB_ROUTE_TABLE_H_
#define CLUSTERPILOT_WEB_ROUTE_TABLE_H_

#include <string>
#include <vector>

#include "store/web_user_table.h"
#include "web/page_context.h"

namespace clusterpilot {

// Bits of Route::roles; 0 means the route needs no login (login page, style).
inline constexpr unsigned kNoLogin = 0;
inline constexpr unsigned kClinicianRole = 1u << 0;
inline constexpr unsigned kFinanceRole = 1u << 1;
inline constexpr unsigned kManagerRole = 1u << 2;
inline constexpr unsigned kAdminRole = 1u << 3;
inline constexpr unsigned kEveryRole = kClinicianRole | kFinanceRole | kManagerRole | kAdminRole;

struct Route {
  const char* method;   // "GET" or "POST"
  const char* pattern;  // "/measurements/{id}": {id} matches a positive whole number
  unsigned roles;       // who may use it; kNoLogin for everyone
  PageHandler handler;
  const char* description;  // for docs/http-api.md and test names
};

const std::vector<Route>& AllRoutes();

// The bit of `role` in Route::roles.
unsigned RoleBit(WebRole role);

// Whether a signed-in user with `role` may use the route.
bool RouteAllows(const Route& route, WebRole role);

// The route for method and path, with its {id} in *id; nullptr when none.
// *path_known says whether the path exists under another method (405).
const Route* FindRoute(const std::string& method, const std::string& path, std::string* id,
                       bool* path_known);

// The first page of a role after login: /worklist for a clinician, ...
std::string HomePath(WebRole role);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_ROUTE_TABLE_H_
