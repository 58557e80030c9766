// serve.recheck_seconds (web/recent_reads.h) through HTTP: within the window
// a busy server answers from its last read of the session and of the
// report-inputs stamp, so changes made outside it wait for the window; its
// own writes (every POST) show at once.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "store/store.h"
#include "store/web_user_table.h"
#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"

namespace clusterpilot {
namespace {

// Long enough that nothing read in a test is read again by time alone.
constexpr int kLongWindowSeconds = 600;

Poco::JSON::Object::Ptr WorklistJson(WebTestClient& client, const std::string& query = "") {
  const HttpReply reply = client.Get("/worklist" + query, true);
  EXPECT_EQ(reply.status, 200) << reply.body;
  if (reply.status != 200) return new Poco::JSON::Object;
  Poco::JSON::Parser parser;
  return parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
}

std::string ShownMonth(WebTestClient& client) {
  return WorklistJson(client)->optValue<std::string>("month", "");
}

int ReviewedCount(WebTestClient& client, const std::string& month) {
  Poco::JSON::Object::Ptr counts = WorklistJson(client, "?month=" + month)->getObject("counts");
  return counts.isNull() ? -1 : counts->getValue<int>("reviewed");
}

void DisableOutsideTheServer(const WebTestEnvironment& env, const std::string& name) {
  auto store = std::move(Store::Open(env.store_path())).value();
  Status disabled = DisableWebUser(*store, name, "recent-reads-test");
  ASSERT_TRUE(disabled.ok()) << disabled.error().ToString();
}

// A clinician of department "Later", whose latest month is 2026-05, signed
// in and shown that month once.
WebTestClient LaterClinicianSignedIn(WebTestEnvironment& env) {
  env.AddClassified("Later", "2026-05-04", 1, 0);
  env.AddAccount("clinician-later", WebRole::kClinician, {"Later"});
  WebTestClient clinician(env.port());
  EXPECT_TRUE(clinician.Login("clinician-later", kPassword));
  EXPECT_EQ(ShownMonth(clinician), "2026-05");
  return clinician;
}

TEST(RecentReadsTest, OutsideChangesWaitForTheWindow) {
  WebTestEnvironment env(kLongWindowSeconds);
  WebTestClient clinician = LaterClinicianSignedIn(env);

  // The command line imports a later month and disables the account: the
  // server keeps what it read.
  env.AddClassified("Later", "2026-08-11", 1, 0);
  DisableOutsideTheServer(env, "clinician-later");
  EXPECT_EQ(ShownMonth(clinician), "2026-05");

  // Any write of the server itself makes it read again: here another
  // user's logout.
  WebTestClient other(env.port());
  ASSERT_TRUE(other.Login(WebTestEnvironment::UserOf(WebRole::kFinance), kPassword));
  EXPECT_EQ(other.Post("/logout", {}).status, 303);
  EXPECT_EQ(clinician.Get("/worklist").Header("location"), "/login");
}

TEST(RecentReadsTest, TheServersOwnWritesShowAtOnce) {
  WebTestEnvironment env(kLongWindowSeconds);
  WebTestClient clinician(env.port());
  ASSERT_TRUE(clinician.Login(WebTestEnvironment::UserOf(WebRole::kClinician), kPassword));
  EXPECT_EQ(ReviewedCount(clinician, "2026-03"), 0);
  const std::string review = "/measurements/" + std::to_string(env.measurement_a()) + "/review";
  EXPECT_EQ(clinician.Post(review, {{"decision", "confirm"}, {"version", "0"}}).status, 303);
  EXPECT_EQ(ReviewedCount(clinician, "2026-03"), 1);

  const std::string session = clinician.cookie("cp_session");
  EXPECT_EQ(clinician.Post("/logout", {}).status, 303);
  clinician.cookie("cp_session") = session;  // replaying the old cookie
  EXPECT_EQ(clinician.Get("/worklist").Header("location"), "/login");
}

TEST(RecentReadsTest, OutsideChangesShowWithinTheDefaultWindow) {
  WebTestEnvironment env(ServeOptions{}.recheck_seconds);
  WebTestClient clinician = LaterClinicianSignedIn(env);
  env.AddClassified("Later", "2026-08-11", 1, 0);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(ServeOptions{}.recheck_seconds + 2);
  while (ShownMonth(clinician) != "2026-08" && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(ShownMonth(clinician), "2026-08");

  DisableOutsideTheServer(env, "clinician-later");
  std::string location;
  while ((location = clinician.Get("/worklist").Header("location")) != "/login" &&
         std::chrono::steady_clock::now() < deadline + std::chrono::seconds(3)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(location, "/login");
}

}  // namespace
}  // namespace clusterpilot
