// serve.recheck_seconds (web/recent_reads.h) through HTTP: within the window
// a busy server answers from its last read of the session and of the
// report-inputs stamp, so changes made outside it wait for the window; its
// own writes (every POST) show at once.
#include "web/recent_reads.h"

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
#include "web/sign_in.h"

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

  // A login writes nothing the server keeps, so anyone may log in without
  // making it read everything again; any other write of the server does,
  // here another user's logout.
  WebTestClient other(env.port());
  ASSERT_TRUE(other.Login(WebTestEnvironment::UserOf(WebRole::kFinance), kPassword));
  EXPECT_EQ(ShownMonth(clinician), "2026-05");
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

// RecentReads on its own, with the times given: a kept user is answered
// within the window only, never when the clock went back, and never after
// ForgetAll; the kept copy holds no password hash.
TEST(RecentReadsTest, AKeptUserIsFreshForwardWithinTheWindowOnly) {
  WebTestEnvironment env;
  auto store = std::move(Store::Open(env.store_path())).value();
  const SessionPolicy policy;
  const int64_t start = UnixNow();
  // Signs `name` in, reads its user once through `reads` at start + 10,
  // then disables the account outside `reads` (which ends its sessions).
  auto kept_then_disabled = [&](RecentReads& reads, const std::string& name) {
    env.AddClinician(name);
    Result<NewSession> session = SignIn(*store, name, kPassword, policy, start);
    EXPECT_TRUE(session.ok());
    const std::string cookie = session.ok() ? session.value().id : "";
    EXPECT_TRUE(reads.SignedIn(*store, cookie, policy, start + 10, nullptr).value().has_value());
    EXPECT_TRUE(DisableWebUser(*store, name, "recent-reads-test").ok());
    return [&reads, &store, &policy, cookie](int64_t now) {
      return reads.SignedIn(*store, cookie, policy, now, nullptr).value();
    };
  };

  RecentReads reads(5);
  auto signed_in = kept_then_disabled(reads, "clinician-kept");
  const std::optional<SignedInUser> kept = signed_in(start + 14);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->user.name, "clinician-kept");
  EXPECT_TRUE(kept->user.password_hash.empty());
  EXPECT_FALSE(signed_in(start + 9).has_value());   // the clock went back: read again
  EXPECT_FALSE(signed_in(start + 15).has_value());  // the window is over

  RecentReads forgetting(5);
  auto forgotten = kept_then_disabled(forgetting, "clinician-forgotten");
  forgetting.ForgetAll();
  EXPECT_FALSE(forgotten(start + 11).has_value());
}

}  // namespace
}  // namespace clusterpilot
