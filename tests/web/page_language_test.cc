// Every page in the account's language: Dutch by default, English for an
// account set to en (`user add --language en`), from the core/language
// catalogue.
#include <gtest/gtest.h>

#include "core/language.h"
#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"
#include "web/route_table.h"

namespace clusterpilot {
namespace {

TEST(PageLanguageTest, DutchByDefaultEnglishForAnEnglishAccount) {
  WebTestEnvironment env;
  env.AddAccount("clinician-en", WebRole::kClinician, {kDepartmentA}, Language::kEnglish);
  env.AddAccount("manager-en", WebRole::kManager, {kDepartmentA}, Language::kEnglish);
  WebTestClient dutch(env.port());
  ASSERT_TRUE(dutch.Login(WebTestEnvironment::UserOf(WebRole::kClinician), kPassword));
  WebTestClient english(env.port());
  ASSERT_TRUE(english.Login("clinician-en", kPassword));
  const std::string measurement = "/measurements/" + std::to_string(env.measurement_a());

  const HttpReply nl = dutch.Get("/worklist?month=2026-03");
  EXPECT_NE(nl.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(nl.body.find("<h1>Werklijst 2026-03</h1>"), std::string::npos) << nl.body;
  EXPECT_NE(nl.body.find(">Uitloggen</button>"), std::string::npos);
  EXPECT_EQ(nl.body.find("Worklist"), std::string::npos);
  EXPECT_EQ(nl.body.find("Log out"), std::string::npos);

  const HttpReply en = english.Get("/worklist?month=2026-03");
  EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.body.find("<h1>Worklist 2026-03</h1>"), std::string::npos) << en.body;
  EXPECT_NE(en.body.find("<th>Probability</th>"), std::string::npos);
  EXPECT_EQ(en.body.find("Werklijst"), std::string::npos);
  EXPECT_EQ(en.body.find("Uitloggen"), std::string::npos);

  const HttpReply en_measurement = english.Get(measurement);
  EXPECT_NE(en_measurement.body.find("<button type=\"submit\">Save</button>"), std::string::npos);
  EXPECT_NE(en_measurement.body.find("No fitting cluster"), std::string::npos);
  EXPECT_EQ(en_measurement.body.find("Opslaan"), std::string::npos);
  const HttpReply nl_measurement = dutch.Get(measurement);
  EXPECT_NE(nl_measurement.body.find("<button type=\"submit\">Opslaan</button>"),
            std::string::npos);
  EXPECT_EQ(nl_measurement.body.find("No fitting cluster"), std::string::npos);

  WebTestClient manager(env.port());
  ASSERT_TRUE(manager.Login("manager-en", kPassword));
  const HttpReply departments = manager.Get("/departments?month=2026-03");
  EXPECT_NE(departments.body.find("<th>Poor fit</th>"), std::string::npos) << departments.body;
  EXPECT_NE(departments.body.find(Phrase(Language::kEnglish, "web.nav.reports")),
            std::string::npos);
  EXPECT_EQ(departments.body.find("Afdelingen"), std::string::npos);
}

}  // namespace
}  // namespace clusterpilot

namespace clusterpilot {
namespace {

// Before login there is no account: the login page follows ?lang= or the
// browser's Accept-Language, Dutch otherwise, and offers the other language.
// A failed login answers in the language of the form it came from.
TEST(PageLanguageTest, TheLoginPageFollowsTheBrowserAndTheSwitchLink) {
  WebTestEnvironment env;
  WebTestClient client(env.port());
  const HttpReply dutch = client.Get("/login");
  EXPECT_NE(dutch.body.find("<h1>Inloggen</h1>"), std::string::npos) << dutch.body;
  EXPECT_NE(dutch.body.find("<label>Wachtwoord <input"), std::string::npos);
  EXPECT_NE(dutch.body.find("<a id=\"other-language\" href=\"/login?lang=en\" hreflang=\"en\">"
                            "English</a>"),
            std::string::npos);
  EXPECT_EQ(dutch.body.find("Password"), std::string::npos);

  client.set_accept_language("en-GB,en;q=0.9,nl;q=0.8");
  const HttpReply english = client.Get("/login");
  EXPECT_NE(english.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(english.body.find("<h1>Log in</h1>"), std::string::npos) << english.body;
  EXPECT_NE(english.body.find(">Nederlands</a>"), std::string::npos);
  EXPECT_EQ(english.body.find("Wachtwoord"), std::string::npos);
  EXPECT_NE(client.Get("/login?lang=nl").body.find("<h1>Inloggen</h1>"), std::string::npos);

  client.set_accept_language("de-DE,de;q=0.9");
  EXPECT_NE(client.Get("/login").body.find("<h1>Inloggen</h1>"), std::string::npos);
  const HttpReply form = client.Get("/login?lang=en");
  const HttpReply failed = client.Post("/login", {{"name", "nobody"},
                                                  {"password", "x"},
                                                  {"lang", "en"},
                                                  {"csrf_token", CsrfTokenOf(form.body)}});
  EXPECT_EQ(failed.status, 401);
  EXPECT_NE(failed.body.find("<p class=\"error\" id=\"login-message\">Unknown name or password, "
                             "or the account is locked for a while.</p>"),
            std::string::npos)
      << failed.body;
  EXPECT_EQ(failed.body.find("Onbekende naam"), std::string::npos);
}

// Error pages and the admin's pages are in the account's language, one
// language per page; signed out, in the browser's.
TEST(PageLanguageTest, ErrorAndAdminPagesSpeakTheAccountsLanguageOnly) {
  WebTestEnvironment env;
  env.AddAccount("admin-en", WebRole::kAdmin, {}, Language::kEnglish);
  env.AddAccount("clinician-en", WebRole::kClinician, {kDepartmentA}, Language::kEnglish);
  WebTestClient admin(env.port());
  ASSERT_TRUE(admin.Login("admin-en", kPassword));
  const HttpReply users = admin.Get("/admin/users");
  EXPECT_NE(users.body.find("<h1>Users</h1>"), std::string::npos) << users.body;
  EXPECT_NE(users.body.find("<th>Departments</th>"), std::string::npos);
  EXPECT_NE(users.body.find("<td>active</td>"), std::string::npos);
  EXPECT_EQ(users.body.find("Gebruikers"), std::string::npos);
  EXPECT_EQ(users.body.find("actief"), std::string::npos);
  const HttpReply audit = admin.Get("/admin/audit");
  EXPECT_NE(audit.body.find("<h1>Audit log</h1>"), std::string::npos);
  EXPECT_NE(audit.body.find("<th>Time</th>"), std::string::npos);
  EXPECT_EQ(audit.body.find("Tijd"), std::string::npos);
  const HttpReply forbidden = admin.Get("/worklist");
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_NE(forbidden.body.find("<p class=\"error\">Not allowed for this role</p>"),
            std::string::npos)
      << forbidden.body;
  EXPECT_NE(forbidden.body.find("<a href=\"/\">Back</a>"), std::string::npos);
  EXPECT_EQ(forbidden.body.find("Geen toegang"), std::string::npos);
  EXPECT_EQ(admin.Get("/nowhere", true).body, "{\"error\":\"Not found\"}");

  WebTestClient dutch_admin(env.port());
  ASSERT_TRUE(dutch_admin.Login(WebTestEnvironment::UserOf(WebRole::kAdmin), kPassword));
  EXPECT_EQ(dutch_admin.Get("/nowhere", true).body, "{\"error\":\"Niet gevonden\"}");
  const HttpReply dutch_users = dutch_admin.Get("/admin/users");
  EXPECT_NE(dutch_users.body.find("<h1>Gebruikers</h1>"), std::string::npos);
  EXPECT_EQ(dutch_users.body.find("Users"), std::string::npos);

  WebTestClient clinician(env.port());
  ASSERT_TRUE(clinician.Login("clinician-en", kPassword));
  const HttpReply bad_month = clinician.Get("/worklist?month=maart");
  EXPECT_EQ(bad_month.status, 400);
  EXPECT_NE(bad_month.body.find("<p class=\"error\">Month: write YYYY-MM</p>"), std::string::npos);
  const HttpReply no_reason =
      clinician.Post("/measurements/" + std::to_string(env.measurement_a()) + "/review",
                     {{"decision", "none"}, {"version", "0"}});
  EXPECT_NE(no_reason.body.find("<p class=\"error\">A reason is required</p>"), std::string::npos)
      << no_reason.body;

  WebTestClient signed_out(env.port());
  signed_out.set_accept_language("en");
  EXPECT_EQ(signed_out.Get("/worklist", true).body, "{\"error\":\"Not logged in\"}");
  signed_out.set_accept_language("");
  EXPECT_EQ(signed_out.Get("/worklist", true).body, "{\"error\":\"Niet ingelogd\"}");
}

}  // namespace
}  // namespace clusterpilot
