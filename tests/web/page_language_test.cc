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
