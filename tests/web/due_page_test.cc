// The clinician's due list through HTTP: their departments' patients whose
// re-rating is due or overdue, escaped, audited before it answers.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/store.h"
#include "tests/web/shared_web_server_test.h"

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

}  // namespace
}  // namespace clusterpilot
