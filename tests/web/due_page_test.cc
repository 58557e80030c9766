// The clinician's due list through HTTP: their departments' patients whose
// re-rating is due or overdue, escaped, audited before it answers.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>

#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/test_store.h"
#include "tests/web/shared_web_server_test.h"
#include "web/password_hasher.h"

namespace clusterpilot {
namespace {

class DuePageTest : public SharedWebServerTest {};

std::vector<std::string> DuePatients(const HttpReply& reply) {
  Poco::JSON::Parser parser;
  const auto values = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
  std::vector<std::string> patients;
  for (const auto& entry : *values->getArray("due")) {
    const auto due = entry.extract<Poco::JSON::Object::Ptr>();
    patients.push_back(due->getValue<std::string>("patient_id") + " " +
                       due->getValue<std::string>("due") + " " +
                       due->getValue<std::string>("review_period"));
  }
  return patients;
}

TEST_F(DuePageTest, AClinicianSeesTheDueListOfTheirOwnDepartments) {
  WebTestClient clinician = SignedIn(WebTestEnvironment::UserOf(WebRole::kClinician));
  const HttpReply page = clinician.Get("/due?as_of=2026-12-31");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<h1>Metingen nodig op 2026-12-31</h1>"), std::string::npos);
  EXPECT_NE(page.body.find(">&lt;script&gt;alert(1)&lt;/script&gt;</a>"), std::string::npos)
      << page.body;
  EXPECT_EQ(page.body.find("P-B-1"), std::string::npos);  // department B's patient
  const HttpReply json = clinician.Get("/due?as_of=2026-12-31", true);
  ASSERT_EQ(json.status, 200);
  const std::vector<std::string> patients = DuePatients(json);
  ASSERT_EQ(patients.size(), 1u) << json.body;
  EXPECT_EQ(patients[0].substr(0, std::string(kScriptText).size()), kScriptText);

  // Before the rating falls due, and outside the window, nobody is listed.
  EXPECT_TRUE(DuePatients(clinician.Get("/due?as_of=2026-03-06&within=0", true)).empty());
  EXPECT_EQ(clinician.Get("/due?as_of=31-12-x").status, 400);

  WebTestClient clinician_b = SignedIn("clinician-b");
  const std::vector<std::string> of_b = DuePatients(clinician_b.Get("/due?as_of=2027-12-31", true));
  ASSERT_EQ(of_b.size(), 1u);
  EXPECT_EQ(of_b[0].rfind("P-B-1 ", 0), 0u) << of_b[0];

  auto store = std::move(Store::Open(env().store_path())).value();
  std::string audited;
  const std::vector<AuditEntry> entries = ReadAuditLog(*store).value();
  for (const AuditEntry& entry : entries) {
    if (entry.user == "user-clinician" && entry.action == "web due") audited += entry.object + "\n";
  }
  EXPECT_NE(audited.find("due ratings as of 2026-12-31 within 30 days, clinician all: 1 patients "
                         "(web, from 127.0.0.1:"),
            std::string::npos)
      << audited;
}

// A store of two patients of department A rated on the same day and
// classified alike, and a clinician of A.
void SeedTwoPatients(const std::string& db) {
  auto store = std::move(Store::Open(db)).value();
  std::vector<Measurement> measurements = {
      MakeMeasurement("P-IN-CARE", "A", "2026-03-05", Supercluster::kNonPsychotic, {{7, 2}}),
      MakeMeasurement("P-DISCHARGED", "A", "2026-03-05", Supercluster::kNonPsychotic, {{7, 2}})};
  SeedMeasurements(*store, &measurements);
  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  ClassificationWriter writer(*store, model, "2026-03-07T00:00:00Z");
  for (const Measurement& measurement : measurements) {
    ASSERT_TRUE(writer.Write({measurement.id, 4, 0.9, "4:0.9000", 0, "", ""}).ok());
  }
  WebUser user;
  user.name = "due-clinician";
  user.role = WebRole::kClinician;
  user.departments = {"A"};
  user.password_hash = HashPassword(kPassword).value();
  ASSERT_TRUE(AddWebUser(*store, user, "test").ok());
}

// Issue 14 item 2: with the reports page's revenue file set, the due page
// leaves out a patient without revenue rows in the last
// due.discharged_after_months months, as `clusterpilot due --revenue` does.
TEST(DuePageDischargeTest, APatientWithoutRecentRevenueIsLeftOutAsDischarged) {
  ScopedTempDir dir;
  const std::string db = TestStoreLocation(dir);
  ASSERT_NO_FATAL_FAILURE(SeedTwoPatients(db));
  std::ofstream(dir.File("revenue.csv")) << "patient;department;month;amount\n"
                                         << "P-IN-CARE;A;2026-06;100,00\n"
                                         << "P-IN-CARE;A;2026-11;100,00\n"
                                         << "P-DISCHARGED;A;2026-06;100,00\n";
  ServeOptions options;
  options.db_path = db;
  options.port = 0;
  options.threads = 2;
  options.reports.folder = dir.File("reports");
  options.reports.revenue_file = dir.File("revenue.csv");
  options.reports.discharged_after_months = 3;
  auto server = WebServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.error().ToString();
  WebTestClient clinician(server.value()->port());
  ASSERT_TRUE(clinician.Login("due-clinician", kPassword));
  const HttpReply json = clinician.Get("/due?as_of=2026-12-31", true);
  ASSERT_EQ(json.status, 200) << json.body;
  const std::vector<std::string> patients = DuePatients(json);
  ASSERT_EQ(patients.size(), 1u) << json.body;
  EXPECT_EQ(patients[0].rfind("P-IN-CARE ", 0), 0u) << patients[0];

  // At the end of August June's revenue still counts: both fall due on
  // 5 September, within the 30 days asked.
  EXPECT_EQ(DuePatients(clinician.Get("/due?as_of=2026-08-31&within=30", true)).size(), 2u);

  // The file is kept between requests (web/revenue_table_cache.h) until it
  // changes: P-DISCHARGED came back in November.
  std::ofstream(dir.File("revenue.csv"), std::ios::app) << "P-DISCHARGED;A;2026-11;50,00\n";
  EXPECT_EQ(DuePatients(clinician.Get("/due?as_of=2026-12-31", true)).size(), 2u);
}

}  // namespace
}  // namespace clusterpilot
