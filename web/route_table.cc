#include "web/route_table.h"

#include <string_view>

#include "web/web_pages.h"

namespace clusterpilot {
namespace {

bool IsWholeNumber(std::string_view text) {
  if (text.empty() || text.size() > 18 || text[0] == '0') return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Whether `path` fits `pattern`; the {id} segment's text goes to *id.
bool Matches(std::string_view pattern, std::string_view path, std::string* id) {
  const size_t marker = pattern.find("{id}");
  if (marker == std::string_view::npos) return pattern == path;
  const std::string_view before = pattern.substr(0, marker);
  const std::string_view after = pattern.substr(marker + 4);
  if (path.size() <= before.size() + after.size()) return false;
  if (path.substr(0, before.size()) != before) return false;
  if (path.substr(path.size() - after.size()) != after) return false;
  const std::string_view middle =
      path.substr(before.size(), path.size() - before.size() - after.size());
  if (!IsWholeNumber(middle)) return false;
  *id = std::string(middle);
  return true;
}

}  // namespace

const std::vector<Route>& AllRoutes() {
  static const std::vector<Route> routes = {
      {"GET", "/login", kNoLogin, LoginPage, "the login form"},
      {"POST", "/login", kNoLogin, LoginSubmit, "log in: name, password, csrf_token"},
      {"POST", "/logout", kEveryRole, LogoutSubmit, "end the session"},
      {"GET", "/", kEveryRole, HomeRedirect, "to the role's first page"},
      {"GET", "/static/style.css", kNoLogin, StyleSheet, "the one stylesheet"},
      {"GET", "/worklist", kClinicianRole, WorklistPage,
       "measurements of the clinician's departments: month, filter, page"},
      {"POST", "/worklist/confirm", kClinicianRole, ConfirmAllSubmit,
       "confirm the page's unflagged, unreviewed measurements: measurements (id:version,...), "
       "reason"},
      {"GET", "/measurements/{id}", kClinicianRole, MeasurementPage,
       "ratings, probabilities, explanation, flags, timeline and the review form"},
      {"POST", "/measurements/{id}/review", kClinicianRole, ReviewSubmit,
       "confirm, other cluster or no fitting cluster: decision, cluster, reason, version"},
      {"GET", "/due", kClinicianRole, DuePage,
       "patients of the clinician's departments whose re-rating is due or overdue: as_of, "
       "within (days), clinician"},
      {"GET", "/departments", kManagerRole | kFinanceRole, DepartmentsPage,
       "cluster mix, poor-fit and review share per department and month; no patient ids"},
      {"GET", "/reports", kFinanceRole | kManagerRole, ReportsPage,
       "the month's pilot report (suppressed, no patient ids), its downloads, finance's import"},
      {"GET", "/reports/style.css", kFinanceRole | kManagerRole, ReportStyle,
       "the report's own stylesheet, for the report inside the page"},
      {"GET", "/reports/download", kFinanceRole | kManagerRole, ReportDownload,
       "the month's report as format=xlsx, csv (zip) or html, audited before it is sent"},
      {"POST", "/reports/import", kFinanceRole, ImportSubmit,
       "import an uploaded export (multipart, field export) with the import's summary"},
      {"GET", "/admin/users", kAdminRole, UsersPage, "the accounts"},
      {"GET", "/admin/audit", kAdminRole, AuditPage, "the audit log, filtered by user or action"},
  };
  return routes;
}

unsigned RoleBit(WebRole role) { return 1u << static_cast<unsigned>(role); }

bool RouteAllows(const Route& route, WebRole role) {
  return route.roles == kNoLogin || (route.roles & RoleBit(role)) != 0;
}

const Route* FindRoute(const std::string& method, const std::string& path, std::string* id,
                       bool* path_known) {
  *path_known = false;
  for (const Route& route : AllRoutes()) {
    std::string matched_id;
    if (!Matches(route.pattern, path, &matched_id)) continue;
    *path_known = true;
    if (method == route.method) {
      *id = matched_id;
      return &route;
    }
  }
  return nullptr;
}

std::string HomePath(WebRole role) {
  switch (role) {
    case WebRole::kClinician:
      return "/worklist";
    case WebRole::kFinance:
    case WebRole::kManager:
      return "/departments";
    case WebRole::kAdmin:
      return "/admin/users";
  }
  return "/login";
}

}  // namespace clusterpilot
