// The reports page through HTTP: the month's report inside the page for
// finance and managers, downloads audited before they leave, and finance's
// import of an uploaded export with its summary and rejects.
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/store.h"
#include "tests/web/shared_web_server_test.h"
#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"

namespace clusterpilot {
namespace {

constexpr const char* kExportHeader =
    "patient;afdeling;datum;HV01;HV02;HV03;HV04;HV05;HV06;HV07;HV08;HV09;HV10;HV11;HV12;HV13;"
    "HV14;HV15;HV16;HV17;HV18;HV19\n";

std::string ExportRow(const std::string& patient, const std::string& hv07) {
  std::string row = patient + ";Psychosezorg;07-02-2026";
  for (int item = 0; item < 19; ++item) row += ";" + (item == 6 ? hv07 : std::string("1"));
  return row + "\n";
}

// The status for an upload whose Content-Length says `bytes`, sent before
// any of the body: the server refuses an upload over its limit up front.
int AnnouncedUploadStatus(int port, int64_t bytes) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest request("POST", "/reports/import", Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("multipart/form-data; boundary=x");
  request.setContentLength64(bytes);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  session.receiveResponse(response);
  return response.getStatus();
}

class ReportsPageTest : public SharedWebServerTest {
 protected:
  using SharedWebServerTest::SignedIn;
  static WebTestClient SignedIn(WebRole role) {
    return SharedWebServerTest::SignedIn(WebTestEnvironment::UserOf(role));
  }

  // The audit log's actions and objects by `user`, in order, one a line.
  static std::string AuditOf(const std::string& user) {
    auto store = std::move(Store::Open(env().store_path())).value();
    Result<std::vector<AuditEntry>> entries = ReadAuditLog(*store);
    EXPECT_TRUE(entries.ok());
    std::string text;
    for (const AuditEntry& entry : entries.value()) {
      if (entry.user == user) text += entry.action + ": " + entry.object + "\n";
    }
    return text;
  }
};

TEST_F(ReportsPageTest, TheMonthsReportIsInThePageWithoutPatientIds) {
  WebTestClient finance = SignedIn(WebRole::kFinance);
  const HttpReply page = finance.Get("/reports?month=2026-03");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<div id=\"report\" class=\"report\">"), std::string::npos);
  EXPECT_NE(page.body.find("<h1>Rapport 2026-03</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("maart 2026"), std::string::npos);  // the report's own title
  EXPECT_NE(page.body.find(kDepartmentB), std::string::npos);  // every department
  EXPECT_EQ(page.body.find("alert(1)"), std::string::npos);    // department A's patient id
  EXPECT_EQ(page.body.find("<style"), std::string::npos);      // the CSP allows no inline style
  const HttpReply style = finance.Get("/reports/style.css?month=2026-03");
  EXPECT_EQ(style.status, 200);
  EXPECT_EQ(style.Header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(style.body.find("body"), std::string::npos);
  EXPECT_NE(AuditOf("user-finance").find("web report: report 2026-03"), std::string::npos);
}

// A manager of department A sees only A's rows and columns of the already
// suppressed report: no institution totals, no department B, no patient id.
TEST_F(ReportsPageTest, AManagerSeesTheCutOfTheirOwnDepartments) {
  WebTestClient manager = SignedIn(WebRole::kManager);
  const HttpReply page = manager.Get("/reports?month=2026-03");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<div id=\"report\" class=\"report cut\">"), std::string::npos);
  EXPECT_NE(page.body.find("<h1>Rapport 2026-03</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("<section id=\"table-activity\">"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<tr><th>A&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</th>"),
            std::string::npos);
  EXPECT_EQ(page.body.find(kDepartmentB), std::string::npos);
  EXPECT_EQ(page.body.find("Instelling"), std::string::npos);       // the institution's row
  EXPECT_EQ(page.body.find("alert(1)"), std::string::npos);         // department A's patient id
  EXPECT_EQ(page.body.find("/reports/import"), std::string::npos);  // finance only
  EXPECT_EQ(page.body.find("format=xlsx"), std::string::npos);
  EXPECT_NE(AuditOf("user-manager").find("web report: report 2026-03"), std::string::npos);

  const HttpReply json = manager.Get("/reports?month=2026-03", true);
  Poco::JSON::Parser parser;
  const auto cut = parser.parse(json.body).extract<Poco::JSON::Object::Ptr>()->getObject("cut");
  ASSERT_TRUE(cut) << json.body;
  const auto tables = cut->getArray("tables");
  ASSERT_GT(tables->size(), 0u);
  for (const auto& entry : *tables) {
    const auto table = entry.extract<Poco::JSON::Object::Ptr>();
    for (const auto& row : *table->getArray("rows")) {
      const std::string label =
          row.extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("label");
      EXPECT_NE(label, kDepartmentB) << table->getValue<std::string>("id");
    }
    for (const auto& column : *table->getArray("columns")) {
      EXPECT_NE(column.convert<std::string>(), kDepartmentB);
    }
  }
  const HttpReply download = manager.Get("/reports/download?month=2026-03&format=json");
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.Header("content-disposition"),
            "attachment; filename=\"clusterpilot-2026-03-departments.json\"");
  EXPECT_EQ(download.body.find(kDepartmentB), std::string::npos);
  EXPECT_EQ(manager.Get("/reports/download?month=2026-03&format=xlsx").status, 400);
  EXPECT_EQ(manager.Get("/reports/download?month=2026-03&format=csv").status, 400);
}

TEST_F(ReportsPageTest, AMonthWithoutMeasurementsHasNoReport) {
  WebTestClient manager = SignedIn(WebRole::kManager);
  const HttpReply empty = manager.Get("/reports?month=2025-01");
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("2025-01: Geen rapport voor deze maand"), std::string::npos);
}

TEST_F(ReportsPageTest, DownloadsAreAuditedAndCarryTheirFormat) {
  WebTestClient finance = SignedIn(WebRole::kFinance);
  const HttpReply zip = finance.Get("/reports/download?month=2026-03&format=csv");
  ASSERT_EQ(zip.status, 200) << zip.body;
  EXPECT_EQ(zip.Header("content-type"), "application/zip");
  EXPECT_EQ(zip.Header("content-disposition"),
            "attachment; filename=\"clusterpilot-2026-03-csv.zip\"");
  EXPECT_EQ(zip.body.rfind("PK", 0), 0u);
  EXPECT_EQ(zip.body.find("flagged-patients.csv"), std::string::npos);
  const HttpReply xlsx = finance.Get("/reports/download?month=2026-03&format=xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  const HttpReply html = finance.Get("/reports/download?month=2026-03&format=html");
  EXPECT_EQ(html.status, 200);
  EXPECT_EQ(html.body.rfind("<!DOCTYPE html>", 0), 0u) << html.body.substr(0, 40);
  EXPECT_EQ(finance.Get("/reports/download?month=2026-03&format=pdf").status, 400);
  const std::string audit = AuditOf("user-finance");
  EXPECT_NE(audit.find("web report download: report 2026-03 csv (web, from 127.0.0.1:"),
            std::string::npos)
      << audit;
  EXPECT_NE(audit.find("web report download: report 2026-03 xlsx"), std::string::npos);
}

TEST_F(ReportsPageTest, FinanceImportsAnUploadAndSeesTheSummaryAndRejects) {
  WebTestClient finance = SignedIn(WebRole::kFinance);
  const HttpReply page = finance.Get("/reports?month=2026-03");
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  const std::string content =
      std::string(kExportHeader) + ExportRow("W1", "2") + ExportRow("W2", "5");
  const HttpReply imported = finance.PostFile("/reports/import", "export", "feb.csv", content);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_NE(imported.body.find("feb.csv (CSV): 2 gelezen, 1 opgeslagen, 0 al aanwezig, 0 "
                               "conflicten, 1 geweigerd"),
            std::string::npos)
      << imported.body;
  EXPECT_NE(imported.body.find("<li>feb.csv:3: column &quot;HV07&quot; &quot;5&quot;: not a "
                               "rating (0-4, or 9 for unknown)</li>"),
            std::string::npos)
      << imported.body;
  EXPECT_NE(AuditOf("user-finance").find("import"), std::string::npos);

  const HttpReply broken = finance.PostFile("/reports/import", "export", "leeg.csv", "a;b\n1;2\n");
  EXPECT_EQ(broken.status, 400);
  EXPECT_NE(broken.body.find("leeg.csv"), std::string::npos) << broken.body;
  EXPECT_EQ(AnnouncedUploadStatus(finance.port(), kUploadLimitBytes + 1), 413);
  WebTestClient manager = SignedIn(WebRole::kManager);
  EXPECT_EQ(manager.PostFile("/reports/import", "export", "feb.csv", content).status, 403);
}

// A month's report shown before an import through the browser is not shown
// after it: the page writes the report again from the new figures.
TEST_F(ReportsPageTest, AnImportThroughTheBrowserRefreshesTheMonthsReport) {
  WebTestClient finance = SignedIn(WebRole::kFinance);
  const HttpReply before = finance.Get("/reports?month=2026-03");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("Verversing"), std::string::npos);
  std::string content = kExportHeader;
  for (const char* patient : {"V1", "V2", "V3", "V4", "V5", "V6"}) {
    std::string row = std::string(patient) + ";Verversing;09-03-2026";
    for (int item = 0; item < 19; ++item) row += ";1";
    content += row + "\n";
  }
  const HttpReply imported = finance.PostFile("/reports/import", "export", "maart.csv", content);
  ASSERT_EQ(imported.status, 200) << imported.body;
  const HttpReply after = finance.Get("/reports?month=2026-03");
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("Verversing"), std::string::npos);
  const HttpReply download = finance.Get("/reports/download?month=2026-03&format=html");
  EXPECT_NE(download.body.find("Verversing"), std::string::npos);
}

}  // namespace
}  // namespace clusterpilot
