// HTTP against a real server on a free loopback port with a real store: the
// route x role matrix, department boundaries, CSRF, session expiry, logout,
// lockout, security headers and escaping.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <regex>
#include <set>

#include "store/override_table.h"
#include "store/store.h"
#include "tests/web/shared_web_server_test.h"
#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"
#include "web/route_table.h"

namespace clusterpilot {
namespace {

// Who may use each route, written by hand from the issue, so a wrong route
// table fails here: c clinician, f finance, m manager, a admin, * no login.
const std::map<std::string, std::string> kExpectedRoles = {
    {"GET /login", "*"},
    {"POST /login", "*"},
    {"POST /logout", "cfma"},
    {"GET /", "cfma"},
    {"GET /static/style.css", "*"},
    {"GET /worklist", "c"},
    {"POST /worklist/confirm", "c"},
    {"GET /measurements/{id}", "c"},
    {"POST /measurements/{id}/review", "c"},
    {"GET /due", "c"},
    {"GET /departments", "fm"},
    {"GET /reports", "fm"},
    {"GET /reports/style.css", "fm"},
    {"GET /reports/download", "fm"},
    {"POST /reports/import", "f"},
    {"GET /admin/users", "a"},
    {"GET /admin/audit", "a"},
};

constexpr WebRole kRoles[] = {WebRole::kClinician, WebRole::kFinance, WebRole::kManager,
                              WebRole::kAdmin};

// 'c', 'f', 'm' or 'a', as in kExpectedRoles.
char RoleLetter(WebRole role) { return WebRoleName(role)[0]; }

std::string RouteKey(const Route& route) { return std::string(route.method) + " " + route.pattern; }

class WebServerTest : public SharedWebServerTest {
 protected:
  static std::string PathOf(const Route& route) {
    return std::regex_replace(route.pattern, std::regex("\\{id\\}"),
                              std::to_string(env().measurement_a()));
  }

  static size_t OverrideCount(int64_t measurement) {
    auto store = std::move(Store::Open(env().store_path())).value();
    return ReadOverrides(*store, measurement).value().size();
  }

  static void ExpectSecurityHeaders(const HttpReply& reply, const std::string& what) {
    EXPECT_EQ(reply.Header("content-security-policy"),
              "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
              "frame-ancestors 'none'; base-uri 'none'")
        << what;
    EXPECT_EQ(reply.Header("x-content-type-options"), "nosniff") << what;
    EXPECT_EQ(reply.Header("referrer-policy"), "same-origin") << what;
    EXPECT_EQ(reply.Header("x-frame-options"), "DENY") << what;
    EXPECT_EQ(reply.Header("cache-control"), "no-store") << what;
  }
};

TEST_F(WebServerTest, RouteTableMatchesTheHandWrittenMatrix) {
  std::set<std::string> seen;
  for (const Route& route : AllRoutes()) {
    const std::string key = RouteKey(route);
    seen.insert(key);
    ASSERT_EQ(kExpectedRoles.count(key), 1u) << key << " is not in the expected matrix";
    const std::string& expected = kExpectedRoles.at(key);
    EXPECT_EQ(route.roles == kNoLogin, expected == "*") << key;
    for (WebRole role : kRoles) {
      const bool allowed = expected == "*" || expected.find(RoleLetter(role)) != std::string::npos;
      EXPECT_EQ(RouteAllows(route, role), allowed) << key << " as " << WebRoleName(role);
    }
  }
  EXPECT_EQ(seen.size(), kExpectedRoles.size());
}

// Every route with every role through HTTP: allowed answers, forbidden is
// 403, signed out goes to /login; every answer carries the security headers.
// One login per role (Argon2id is slow on purpose); logout gets its own.
TEST_F(WebServerTest, EveryRouteAnswersEveryRoleAsTheTableSays) {
  std::map<WebRole, WebTestClient> clients;
  for (WebRole role : kRoles) clients.emplace(role, SignedIn(WebTestEnvironment::UserOf(role)));
  for (const Route& route : AllRoutes()) {
    const std::string path = PathOf(route);
    const std::string key = RouteKey(route);
    const bool is_post = std::string(route.method) == "POST";
    if (route.roles != kNoLogin) {
      WebTestClient anonymous(env().port());
      HttpReply reply = is_post ? anonymous.Post(path, {}) : anonymous.Get(path);
      EXPECT_EQ(reply.status, 303) << key << " signed out";
      EXPECT_EQ(reply.Header("location"), "/login") << key;
      ExpectSecurityHeaders(reply, key + " signed out");
    }
    for (WebRole role : kRoles) {
      std::optional<WebTestClient> own;
      if (key == "POST /logout") own = SignedIn(WebTestEnvironment::UserOf(role));
      WebTestClient& client = own ? *own : clients.at(role);
      HttpReply reply;
      if (key == "POST /login") {
        WebTestClient fresh(env().port());
        reply = fresh.TryLogin(WebTestEnvironment::UserOf(role), kPassword);
      } else {
        reply = is_post ? client.Post(path, {}) : client.Get(path);
      }
      const std::string what = key + " as " + std::string(WebRoleName(role));
      ExpectSecurityHeaders(reply, what);
      if (RouteAllows(route, role)) {
        EXPECT_NE(reply.status, 403) << what;
        EXPECT_LT(reply.status, 500) << what;
        if (key != "POST /logout") {
          EXPECT_NE(reply.Header("location"), "/login") << what;
        }
      } else {
        EXPECT_EQ(reply.status, 403) << what;
        EXPECT_EQ(reply.body.find("alert(1)"), std::string::npos) << what;
      }
    }
  }
}

TEST_F(WebServerTest, UnknownPathsAndMethodsCarryTheHeadersToo) {
  WebTestClient client(env().port());
  HttpReply missing = client.Get("/nothing-here");
  EXPECT_EQ(missing.status, 404);
  ExpectSecurityHeaders(missing, "404");
  HttpReply wrong_method = client.Post("/worklist", {});
  EXPECT_EQ(wrong_method.status, 405);
  ExpectSecurityHeaders(wrong_method, "405");
}

TEST_F(WebServerTest, AClinicianOfAnotherDepartmentGetsNothing) {
  WebTestClient other = SignedIn("clinician-b");
  const std::string path = "/measurements/" + std::to_string(env().measurement_a());
  const HttpReply page = other.Get(path);
  EXPECT_EQ(page.status, 404);
  EXPECT_EQ(page.body.find("&lt;script&gt;"), std::string::npos);
  const size_t before = OverrideCount(env().measurement_a());
  const HttpReply review =
      other.Post(path + "/review", {{"decision", "confirm"}, {"version", "0"}});
  EXPECT_EQ(review.status, 404);
  EXPECT_EQ(OverrideCount(env().measurement_a()), before);
  const HttpReply worklist = other.Get("/worklist?month=2026-03", true);
  EXPECT_EQ(worklist.body.find("alert(1)"), std::string::npos);
  EXPECT_NE(worklist.body.find("P-B-1"), std::string::npos);
}

// The measurement page's details are kept between requests and shared by
// every user: the department is still checked on each request.
TEST_F(WebServerTest, AKeptMeasurementPageIsStillRefusedToAnotherDepartment) {
  const std::string path = "/measurements/" + std::to_string(env().measurement_a());
  WebTestClient own = SignedIn(WebTestEnvironment::UserOf(WebRole::kClinician));
  const HttpReply first = own.Get(path);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(own.Get(path).body, first.body);  // the kept details, the same page
  WebTestClient other = SignedIn("clinician-b");
  const HttpReply refused = other.Get(path);
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.body.find("id=\"ratings\""), std::string::npos);
  EXPECT_EQ(refused.body.find("&lt;script&gt;"), std::string::npos);
}

// A review gives the store a new stamp, so the page shows it at once.
TEST_F(WebServerTest, AKeptMeasurementPageShowsAReviewMadeAfterIt) {
  // A measurement of its own: the suite shares one store (on PostgreSQL
  // in one process), and other tests review measurement_b at version 0.
  const int64_t id = env().AddClassified(kDepartmentB, "2026-07-15", 1, 0).at(0);
  const std::string path = "/measurements/" + std::to_string(id);
  WebTestClient clinician = SignedIn("clinician-b");
  const HttpReply before = clinician.Get(path);
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("reviewed after it was kept"), std::string::npos);
  Poco::JSON::Parser parser;
  const auto values =
      parser.parse(clinician.Get(path, true).body).extract<Poco::JSON::Object::Ptr>();
  const std::string version = std::to_string(values->getValue<int64_t>("version"));
  const HttpReply saved =
      clinician.Post(path + "/review", {{"decision", "other"},
                                        {"cluster", "5"},
                                        {"reason", "reviewed after it was kept"},
                                        {"version", version}});
  ASSERT_EQ(saved.status, 303);
  const HttpReply after = clinician.Get(path);
  EXPECT_NE(after.body.find("reviewed after it was kept"), std::string::npos);
  EXPECT_NE(after.body.find("name=\"version\" value=\"" + std::to_string(std::stoi(version) + 1)),
            std::string::npos)
      << after.body;
}

// A clinician of two departments: the worklist merges both months, and each
// row's kept HTML comes from its own department's rows.
TEST_F(WebServerTest, TheWorklistOfTwoDepartmentsShowsTheRowsOfBoth) {
  env().AddAccount("clinician-ab", WebRole::kClinician, {kDepartmentA, kDepartmentB});
  WebTestClient both = SignedIn("clinician-ab");
  for (int view = 0; view < 2; ++view) {  // rendered, then kept
    const HttpReply page = both.Get("/worklist?month=2026-03");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("<td>P-B-1</td>"), std::string::npos);
    EXPECT_NE(page.body.find("/measurements/" + std::to_string(env().measurement_a()) + "\""),
              std::string::npos);
    EXPECT_NE(page.body.find("/measurements/" + std::to_string(env().measurement_b()) + "\""),
              std::string::npos);
  }
}

// The worklist's listing is kept per departments, month, filter, page and
// language, and shared by the users it fits; the confirm-all form around it
// carries each session's own token.
TEST_F(WebServerTest, AKeptListingIsSharedOnlyByUsersItFits) {
  env().AddClassified("Gedeeld", "2026-06-01", 2, 0);
  env().AddAccount("clinician-gedeeld-nl", WebRole::kClinician, {"Gedeeld"});
  env().AddAccount("clinician-gedeeld-en", WebRole::kClinician, {"Gedeeld"}, Language::kEnglish);
  env().AddAccount("clinician-gedeeld-b", WebRole::kClinician, {"Gedeeld", kDepartmentB});
  WebTestClient dutch = SignedIn("clinician-gedeeld-nl");
  WebTestClient english = SignedIn("clinician-gedeeld-en");
  WebTestClient both = SignedIn("clinician-gedeeld-b");
  const std::string token_field = "name=\"csrf_token\" value=\"";
  for (int view = 0; view < 2; ++view) {  // rendered, then kept
    const std::string nl = dutch.Get("/worklist?month=2026-06").body;
    const std::string en = english.Get("/worklist?month=2026-06").body;
    const std::string nl_b = both.Get("/worklist?month=2026-03").body;
    const std::string only_nl = dutch.Get("/worklist?month=2026-03").body;
    EXPECT_NE(nl.find("<option value=\"all\">alle</option>"), std::string::npos) << nl;
    EXPECT_NE(en.find("<option value=\"all\">all</option>"), std::string::npos) << en;
    EXPECT_NE(nl.find(token_field + dutch.csrf_token()), std::string::npos);
    EXPECT_EQ(nl.find(english.csrf_token()), std::string::npos);
    EXPECT_NE(en.find(token_field + english.csrf_token()), std::string::npos);
    EXPECT_EQ(en.find(dutch.csrf_token()), std::string::npos);
    EXPECT_NE(nl_b.find("<td>P-B-1</td>"), std::string::npos) << nl_b;
    EXPECT_EQ(only_nl.find("<td>P-B-1</td>"), std::string::npos) << only_nl;
  }
}

TEST_F(WebServerTest, APostWithoutTheRightCsrfTokenOrFromElsewhereStoresNothing) {
  WebTestClient client = SignedIn(WebTestEnvironment::UserOf(WebRole::kClinician));
  const std::string path = "/measurements/" + std::to_string(env().measurement_b()) + "/review";
  WebTestClient clinician_b = SignedIn("clinician-b");
  const size_t before = OverrideCount(env().measurement_b());
  const std::map<std::string, std::string> form = {
      {"decision", "other"}, {"cluster", "5"}, {"reason", "r"}, {"version", "0"}};
  auto with = [&](const std::string& token) {
    auto copy = form;
    copy["csrf_token"] = token;
    return copy;
  };
  EXPECT_EQ(clinician_b.Post(path, with("")).status, 403);
  EXPECT_EQ(clinician_b.Post(path, with(std::string(64, 'a'))).status, 403);
  // Another session's token is no good either.
  EXPECT_EQ(clinician_b.Post(path, with(client.csrf_token())).status, 403);
  EXPECT_EQ(clinician_b.Post(path, form, false, "http://evil.example").status, 403);
  EXPECT_EQ(OverrideCount(env().measurement_b()), before);
  const HttpReply denied = clinician_b.Post(path, with(""));
  EXPECT_NE(denied.body.find("Formulier verlopen of van elders"), std::string::npos);
  // The page's own host passes, also as https (a TLS-terminating proxy).
  const std::string own_host = "127.0.0.1:" + std::to_string(env().port());
  EXPECT_EQ(clinician_b.Post(path, form, false, "https://" + own_host).status, 303);
  EXPECT_EQ(OverrideCount(env().measurement_b()), before + 1);
}

TEST_F(WebServerTest, AReviewIsStoredOnceAndASecondOnSeesTheConflict) {
  env().AddClinician("reviewer-2");
  WebTestClient first = SignedIn(WebTestEnvironment::UserOf(WebRole::kClinician));
  WebTestClient second = SignedIn("reviewer-2");
  const std::string path = "/measurements/" + std::to_string(env().measurement_a());
  const HttpReply page = first.Get(path, true);
  Poco::JSON::Parser parser;
  const auto values = parser.parse(page.body).extract<Poco::JSON::Object::Ptr>();
  const std::string version = std::to_string(values->getValue<int64_t>("version"));
  const size_t before = OverrideCount(env().measurement_a());

  const HttpReply missing_reason =
      first.Post(path + "/review", {{"decision", "none"}, {"version", version}});
  EXPECT_EQ(missing_reason.status, 400);
  EXPECT_NE(missing_reason.body.find("<p class=\"error\">Reden is verplicht</p>"),
            std::string::npos)
      << missing_reason.body;

  const HttpReply saved = first.Post(
      path + "/review",
      {{"decision", "other"}, {"cluster", "5"}, {"reason", kScriptText}, {"version", version}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("location"), path);
  const HttpReply conflict = second.Post(
      path + "/review", {{"decision", "none"}, {"reason", "ander"}, {"version", version}});
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("Een ander heeft deze meting intussen beoordeeld"),
            std::string::npos);
  EXPECT_NE(conflict.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(OverrideCount(env().measurement_a()), before + 1);
}

TEST_F(WebServerTest, ExpiredSessionsGoBackToTheLogin) {
  env().AddClinician("idle-user");
  env().AddClinician("long-user");
  WebTestClient idle = SignedIn("idle-user");
  WebTestClient long_day = SignedIn("long-user");
  EXPECT_EQ(idle.Get("/worklist").status, 200);
  {
    auto store = std::move(Store::Open(env().store_path())).value();
    Status aged = store->Execute(
        "UPDATE web_session SET last_seen_at = last_seen_at - 15 * 60 WHERE user_id = "
        "(SELECT id FROM app_user WHERE name = 'idle-user');"
        "UPDATE web_session SET created_at = created_at - 10 * 3600 WHERE user_id = "
        "(SELECT id FROM app_user WHERE name = 'long-user');");
    ASSERT_TRUE(aged.ok()) << aged.error().ToString();
  }
  EXPECT_EQ(idle.Get("/worklist").Header("location"), "/login");
  EXPECT_EQ(long_day.Get("/worklist").Header("location"), "/login");
  EXPECT_EQ(long_day.Get("/worklist", true).status, 401);
}

TEST_F(WebServerTest, LogoutEndsTheSessionOnTheServer) {
  env().AddClinician("leaving-user");
  WebTestClient client = SignedIn("leaving-user");
  const std::string session = client.cookie("cp_session");
  const HttpReply out = client.Post("/logout", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.Header("set-cookie").find("cp_session=; Path=/; HttpOnly; SameSite=Strict"),
            std::string::npos);
  client.cookie("cp_session") = session;  // replaying the old cookie
  EXPECT_EQ(client.Get("/worklist").Header("location"), "/login");
}

TEST_F(WebServerTest, TheSessionCookieIsHttpOnlyStrictAndNewAtEveryLogin) {
  WebTestClient client(env().port());
  const HttpReply reply = client.TryLogin(WebTestEnvironment::UserOf(WebRole::kAdmin), kPassword);
  const std::regex cookie("cp_session=([0-9a-f]{64}); Path=/; HttpOnly; SameSite=Strict");
  std::smatch match;
  const std::string header = reply.Header("set-cookie");
  ASSERT_TRUE(std::regex_search(header, match, cookie)) << header;
  const std::string first = match[1].str();
  const HttpReply again = client.TryLogin(WebTestEnvironment::UserOf(WebRole::kAdmin), kPassword);
  EXPECT_EQ(again.Header("set-cookie").find(first), std::string::npos);
  // The store keeps only hashes.
  auto store = std::move(Store::Open(env().store_path())).value();
  EXPECT_EQ(ReadFile(env().store_path()).find(first), std::string::npos);
}

// Without the random CSRF token (and the session cookie) the rest of a
// failed-login page is the same for every kind of failure.
std::string WithoutToken(const std::string& body) {
  return std::regex_replace(body, std::regex("[0-9a-f]{64}"), "TOKEN");
}

TEST_F(WebServerTest, FiveFailuresLockTheAccountAndEveryFailureLooksTheSame) {
  env().AddClinician("locked-user");
  WebTestClient client(env().port());
  const HttpReply unknown = client.TryLogin("nobody-at-all", kPassword);
  EXPECT_EQ(unknown.status, 401);
  for (int i = 0; i < 5; ++i) {
    const HttpReply wrong = client.TryLogin("locked-user", "wrong");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(WithoutToken(wrong.body), WithoutToken(unknown.body));
  }
  const HttpReply locked = client.TryLogin("locked-user", kPassword);
  EXPECT_EQ(locked.status, 401);
  EXPECT_EQ(WithoutToken(locked.body), WithoutToken(unknown.body));
  EXPECT_NE(unknown.body.find("Onbekende naam of wachtwoord"), std::string::npos);
  WebTestClient fresh(env().port());
  EXPECT_FALSE(fresh.Login("locked-user", kPassword));
}

// The XSS strings (patient, department, clinician, reason) come back escaped
// on every page that shows them, and as plain JSON strings.
TEST_F(WebServerTest, NamesAreEscapedOnEveryPageAndInJson) {
  WebTestClient clinician = SignedIn(WebTestEnvironment::UserOf(WebRole::kClinician));
  WebTestClient manager = SignedIn(WebTestEnvironment::UserOf(WebRole::kManager));
  WebTestClient admin = SignedIn(WebTestEnvironment::UserOf(WebRole::kAdmin));
  const std::string measurement = "/measurements/" + std::to_string(env().measurement_a());
  const std::vector<std::pair<WebTestClient*, std::string>> pages = {
      {&clinician, "/worklist?month=2026-03"},
      {&clinician, measurement},
      {&clinician, "/due?as_of=2026-12-31"},
      {&manager, "/reports?month=2026-03"},
      {&manager, "/departments?month=2026-03"},
      {&admin, "/admin/audit"},
      {&admin, "/admin/users"}};
  for (const auto& [client, path] : pages) {
    const HttpReply html = client->Get(path);
    EXPECT_EQ(html.status, 200) << path;
    EXPECT_EQ(html.body.find("<script"), std::string::npos) << path;
    EXPECT_EQ(html.body.find("<img"), std::string::npos) << path;
    const HttpReply json = client->Get(path, true);
    EXPECT_EQ(json.Header("content-type"), "application/json; charset=utf-8") << path;
    Poco::JSON::Parser parser;
    EXPECT_NO_THROW(parser.parse(json.body)) << path;
  }
  const HttpReply page = clinician.Get(measurement);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.body.find("A&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  const HttpReply json = clinician.Get(measurement, true);
  Poco::JSON::Parser parser;
  const auto values = parser.parse(json.body).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(values->getValue<std::string>("patient_id"), kScriptText);
  EXPECT_EQ(values->getValue<std::string>("department"), kDepartmentA);
  EXPECT_EQ(values->getValue<std::string>("clinician"), kImageText);
}

TEST_F(WebServerTest, TheManagerSeesNoPatientId) {
  WebTestClient manager = SignedIn(WebTestEnvironment::UserOf(WebRole::kManager));
  const HttpReply page = manager.Get("/departments?month=2026-03");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("alert(1)"), std::string::npos);
  // Department A's one measurement is a small count.
  EXPECT_NE(page.body.find("<td class=\"number\">&lt;5</td>"), std::string::npos) << page.body;
}

TEST_F(WebServerTest, ShowingAMeasurementIsAuditedWithTheUserAndClient) {
  WebTestClient clinician = SignedIn(WebTestEnvironment::UserOf(WebRole::kClinician));
  const std::string id = std::to_string(env().measurement_a());
  ASSERT_EQ(clinician.Get("/measurements/" + id).status, 200);
  WebTestClient admin = SignedIn(WebTestEnvironment::UserOf(WebRole::kAdmin));
  const HttpReply audit = admin.Get("/admin/audit?action=web+measurement", true);
  EXPECT_NE(audit.body.find("\"object\":\"measurement " + id + " (web, from 127.0.0.1:"),
            std::string::npos)
      << audit.body;
  EXPECT_NE(audit.body.find("\"user\":\"user-clinician\""), std::string::npos);
}

}  // namespace
}  // namespace clusterpilot
