// The review actions through HTTP: the measurement form's supercluster
// choice and "confirm all unflagged" on the worklist, both on the versioned
// review path the CLI uses (store/override_table.h).
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "core/cluster_assignment.h"
#include "store/audit_log.h"
#include "store/override_table.h"
#include "store/store.h"
#include "tests/web/shared_web_server_test.h"
#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"

namespace clusterpilot {
namespace {

class ReviewActionsTest : public SharedWebServerTest {
 protected:
  static Poco::JSON::Object::Ptr Json(const HttpReply& reply) {
    Poco::JSON::Parser parser;
    return parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
  }

  static std::vector<ClinicianOverride> Reviews(int64_t measurement) {
    auto store = std::move(Store::Open(env().store_path())).value();
    return ReadOverrides(*store, measurement).value();
  }

  static size_t AuditCount(const std::string& user, const std::string& action) {
    auto store = std::move(Store::Open(env().store_path())).value();
    Result<std::vector<AuditEntry>> entries = ReadAuditLog(*store);
    EXPECT_TRUE(entries.ok());
    size_t count = 0;
    for (const AuditEntry& entry : entries.value()) {
      if (entry.user == user && entry.action == action) ++count;
    }
    return count;
  }
};

TEST_F(ReviewActionsTest, TheFormGroupsClustersBySuperclusterOwnFirst) {
  WebTestClient clinician = SignedIn(WebTestEnvironment::UserOf(WebRole::kClinician));
  const HttpReply page = clinician.Get("/measurements/" + std::to_string(env().measurement_a()));
  ASSERT_EQ(page.status, 200);
  const size_t own = page.body.find("<optgroup label=\"X non-psychotic\">");
  const size_t psychotic = page.body.find("<optgroup label=\"Y psychotic\">");
  const size_t organic = page.body.find("<optgroup label=\"Z organic\">");
  ASSERT_NE(own, std::string::npos) << page.body;
  EXPECT_LT(own, psychotic);
  EXPECT_LT(psychotic, organic);
  EXPECT_NE(page.body.find("<option value=\"8\">8</option></optgroup>"), std::string::npos);
  EXPECT_EQ(page.body.find("<option value=\"9\">"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"outside_supercluster\" value=\"1\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"none\""), std::string::npos);
}

// Cluster 12 is psychotic; the measurement was rated non-psychotic: the
// clinician must tick the box, and the review then says so.
TEST_F(ReviewActionsTest, AClusterOutsideTheSuperclusterNeedsTheBox) {
  const int64_t id = env().AddClassified("Buiten", "2026-05-02", 1, 0).front();
  env().AddAccount("clinician-buiten", WebRole::kClinician, {"Buiten"});
  WebTestClient clinician = SignedIn("clinician-buiten");
  const std::string path = "/measurements/" + std::to_string(id) + "/review";
  const HttpReply refused = clinician.Post(
      path, {{"decision", "other"}, {"cluster", "12"}, {"reason", "psychose"}, {"version", "0"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(
      refused.body.find("<p class=\"error\">Cluster 12 valt buiten supercluster X; vink "
                        "&apos;buiten het supercluster&apos; aan om het bewust te kiezen</p>"),
      std::string::npos)
      << refused.body;
  EXPECT_TRUE(Reviews(id).empty());

  const HttpReply saved = clinician.Post(path, {{"decision", "other"},
                                                {"cluster", "12"},
                                                {"reason", "psychose"},
                                                {"outside_supercluster", "1"},
                                                {"version", "0"}});
  EXPECT_EQ(saved.status, 303);
  ASSERT_EQ(Reviews(id).size(), 1u);
  EXPECT_TRUE(Reviews(id)[0].outside_supercluster);
  EXPECT_EQ(Reviews(id)[0].version, 1);
  const auto values = Json(clinician.Get("/measurements/" + std::to_string(id), true));
  EXPECT_EQ(values->getValue<int>("version"), 1);

  // No fitting cluster needs no box; the form's version 1 is current.
  const HttpReply none =
      clinician.Post(path, {{"decision", "none"}, {"reason", "past nergens"}, {"version", "1"}});
  EXPECT_EQ(none.status, 303);
  ASSERT_EQ(Reviews(id).size(), 2u);
  EXPECT_EQ(Reviews(id)[1].cluster, kNoFittingCluster);
  EXPECT_EQ(AuditCount("clinician-buiten", "override"), 2u);
}

TEST_F(ReviewActionsTest, ConfirmAllConfirmsTheUnflaggedOnceAndCountsTheChanged) {
  std::vector<int64_t> plain = env().AddClassified("Bevestig", "2026-04-03", 3, 0);
  const int64_t flagged = env().AddClassified("Bevestig", "2026-04-04", 1, kFlagAmbiguous)[0];
  env().AddAccount("clinician-bevestig", WebRole::kClinician, {"Bevestig"});
  WebTestClient clinician = SignedIn("clinician-bevestig");
  const auto list = Json(clinician.Get("/worklist?month=2026-04", true));
  const std::string confirmable = list->getValue<std::string>("confirmable");
  EXPECT_EQ(confirmable, std::to_string(plain[0]) + ":0," + std::to_string(plain[1]) + ":0," +
                             std::to_string(plain[2]) + ":0");

  // Someone else reviews the second one between the page and the POST.
  {
    auto store = std::move(Store::Open(env().store_path())).value();
    ASSERT_TRUE(RecordOverride(*store, plain[1], 5, "eerder", "els").ok());
  }
  const HttpReply done = clinician.Post(
      "/worklist/confirm",
      {{"measurements", confirmable}, {"month", "2026-04"}, {"filter", "all"}, {"page", "1"}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.Header("location"),
            "/worklist?month=2026-04&filter=all&page=1&confirmed=2&changed=1");
  EXPECT_EQ(Reviews(plain[0]).size(), 1u);
  EXPECT_EQ(Reviews(plain[0])[0].cluster, 3);
  EXPECT_EQ(Reviews(plain[1]).size(), 1u);
  EXPECT_EQ(Reviews(plain[1])[0].by_user, "els");
  EXPECT_EQ(Reviews(plain[2]).size(), 1u);
  EXPECT_TRUE(Reviews(flagged).empty());
  EXPECT_EQ(AuditCount("clinician-bevestig", "override"), 2u);
  const HttpReply page = clinician.Get(done.Header("location"));
  EXPECT_NE(page.body.find("<p id=\"confirm-result\" class=\"result\">2 bevestigd, 1 intussen "
                           "door een ander gewijzigd</p>"),
            std::string::npos);

  // The same list again: all three are reviewed now, nothing more is stored.
  const auto again =
      Json(clinician.Post("/worklist/confirm", {{"measurements", confirmable}}, true));
  EXPECT_EQ(again->getValue<int>("confirmed"), 0);
  EXPECT_EQ(again->getValue<int>("changed"), 3);
  EXPECT_EQ(AuditCount("clinician-bevestig", "override"), 2u);
}

TEST_F(ReviewActionsTest, ConfirmAllOfAnotherDepartmentsMeasurementStoresNothing) {
  const int64_t own = env().AddClassified("Eigen", "2026-04-05", 1, 0)[0];
  env().AddAccount("clinician-eigen", WebRole::kClinician, {"Eigen"});
  WebTestClient clinician = SignedIn("clinician-eigen");
  const std::string forged =
      std::to_string(own) + ":0," + std::to_string(env().measurement_b()) + ":0";
  const HttpReply refused = clinician.Post("/worklist/confirm", {{"measurements", forged}});
  EXPECT_EQ(refused.status, 404);
  EXPECT_TRUE(Reviews(own).empty());
  EXPECT_EQ(clinician.Post("/worklist/confirm", {{"measurements", "12;0"}}).status, 400);
  EXPECT_EQ(
      clinician.Post("/worklist/confirm", {{"measurements", forged}, {"csrf_token", "x"}}).status,
      403);
}

}  // namespace
}  // namespace clusterpilot
