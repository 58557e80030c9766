// The worklist without ?month= shows the month of the store's latest
// rating, kept between requests and read again once an import brings a
// later month.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"

namespace clusterpilot {
namespace {

std::string ShownMonth(WebTestClient& client) {
  const HttpReply reply = client.Get("/worklist", true);
  EXPECT_EQ(reply.status, 200) << reply.body;
  Poco::JSON::Parser parser;
  return parser.parse(reply.body)
      .extract<Poco::JSON::Object::Ptr>()
      ->getValue<std::string>("month");
}

TEST(WorklistMonthTest, WithoutAMonthTheLatestRatingsMonthIsShown) {
  WebTestEnvironment env;
  env.AddClassified("Laat", "2026-05-04", 2, 0);
  env.AddAccount("clinician-laat", WebRole::kClinician, {"Laat"});
  WebTestClient clinician(env.port());
  ASSERT_TRUE(clinician.Login("clinician-laat", kPassword));
  EXPECT_EQ(ShownMonth(clinician), "2026-05");
  EXPECT_EQ(ShownMonth(clinician), "2026-05");  // kept
  env.AddClassified("Laat", "2026-08-11", 1, 0);
  EXPECT_EQ(ShownMonth(clinician), "2026-08");
  const HttpReply page = clinician.Get("/worklist");
  EXPECT_NE(page.body.find("Laat-2026-08-11-1"), std::string::npos) << page.body;
}

}  // namespace
}  // namespace clusterpilot
