// The Dutch edition (the default) and the English one, written from one
// store: headings in HTML, CSV and XLSX follow the setting, file names and
// JSON keys do not, and every heading of the Dutch edition is Dutch.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "reports/monthly_report.h"
#include "store/sql_statement.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"
#include "tests/support/zip_entry.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

std::string RevenueCsv(Store& store) {
  std::string csv = "patient;department;month;amount\n";
  SqlStatement select(store,
                      "SELECT DISTINCT patient_id, department FROM measurement "
                      "WHERE rating_date >= '2026-08-01' ORDER BY 1, 2");
  while (select.Step()) {
    csv += std::string(select.Text(0)) + ";" + std::string(select.Text(1)) + ";2026-10;450,00\n";
  }
  return csv;
}

// The first line of a CSV file, byte-order mark included.
std::string HeaderLine(const std::string& path) {
  std::string content = ReadFile(path);
  return content.substr(0, content.find("\r\n"));
}

// The texts a reader reads as headings, in page order: titles,
// descriptions, legends, column headers and row labels.
std::vector<std::string> Headings(const std::string& html) {
  Poco::XML::DOMParser parser;
  Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(html);
  std::vector<std::string> texts;
  for (const char* tag : {"h1", "h2", "p", "th", "li"}) {
    Poco::AutoPtr<Poco::XML::NodeList> nodes = document->getElementsByTagName(tag);
    for (unsigned long i = 0; i < nodes->length(); ++i) {
      // The data's warnings are sentences of the figures code, not headings.
      auto* parent = static_cast<Poco::XML::Element*>(nodes->item(i)->parentNode());
      if (parent->getAttribute("class") == "warnings") continue;
      texts.push_back(nodes->item(i)->innerText());
    }
  }
  Poco::AutoPtr<Poco::XML::NodeList> rows = document->getElementsByTagName("tr");
  for (unsigned long i = 0; i < rows->length(); ++i) {
    auto* row = static_cast<Poco::XML::Element*>(rows->item(i));
    Poco::AutoPtr<Poco::XML::NodeList> cells = row->getElementsByTagName("td");
    if (cells->length() > 0) texts.push_back(cells->item(0)->innerText());
  }
  Poco::AutoPtr<Poco::XML::NodeList> labels = document->getElementsByTagName("text");
  for (unsigned long i = 0; i < labels->length(); ++i)
    texts.push_back(labels->item(i)->innerText());
  return texts;
}

class ReportLanguageTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScopedTempDir;
    setup_error_.clear();
    {
      ReportStore fixture(TestStoreLocationOf(*dir_));
      FillSyntheticStore(&fixture, SyntheticStoreOptions{.patients = 160, .departments = 4});
      WriteFile(dir_->File("revenue.csv"), RevenueCsv(fixture.store()));
    }
    WriteFile(dir_->File("tariffs.csv"), PlausibleTariffCsv());
    for (Language language : {Language::kDutch, Language::kEnglish}) {
      auto store = Store::Open(TestStoreLocationOf(*dir_));
      if (!store.ok()) {
        setup_error_ = store.error().ToString();
        return;
      }
      ReportRequest request;
      request.month = CalendarMonth{2026, 10};
      request.tariff_file = dir_->File("tariffs.csv");
      request.revenue_file = dir_->File("revenue.csv");
      request.out_dir = Folder(language);
      request.monte_carlo.draws = 200;
      request.language = language;
      request.user = "test";
      Result<ReportSummary> summary = WriteMonthlyReport(*store.value(), request);
      if (!summary.ok()) {
        setup_error_ = summary.error().ToString();
        return;
      }
    }
  }
  static void TearDownTestSuite() { delete dir_; }
  // A failure in SetUpTestSuite would only skip the tests (and ctest counts
  // a skip as no failure): each test fails here instead.
  void SetUp() override { ASSERT_EQ(setup_error_, "") << "the suite's reports were not written"; }

  static std::string Folder(Language language) {
    return dir_->File(std::string("report-") + std::string(LanguageCode(language)));
  }
  static std::string Out(Language language, const std::string& name) {
    return Folder(language) + "/" + name;
  }

  static ScopedTempDir* dir_;
  static inline std::string setup_error_;  // what stopped SetUpTestSuite; empty when it ran
};

ScopedTempDir* ReportLanguageTest::dir_ = nullptr;

TEST_F(ReportLanguageTest, DutchIsTheDefault) {
  EXPECT_EQ(ReportRequest().language, Language::kDutch);
}

TEST_F(ReportLanguageTest, CsvHeadersFollowTheLanguageAndFileNamesDoNot) {
  const std::string bom = "\xEF\xBB\xBF";
  EXPECT_EQ(
      HeaderLine(Out(Language::kDutch, "activity.csv")),
      bom +
          "Afdeling;Patiënten;Metingen;Nog niet geclassificeerd;Patiënten met omzet;... met meting "
          "in laatste 12 maanden;Dekking (%)");
  EXPECT_EQ(
      HeaderLine(Out(Language::kEnglish, "activity.csv")),
      bom +
          "Department;Patients;Measurements;Not yet classified;Patients with revenue;... rated in "
          "last 12 months;Coverage (%)");
  EXPECT_EQ(
      HeaderLine(Out(Language::kDutch, "cluster_revenue.csv")),
      bom +
          "Afdeling;Patiënten met een cluster;Laag (€);Meest waarschijnlijk (€);Hoog (€);Verwacht "
          "(gemiddelde) (€);p5 (€);p50 (€);p95 (€);Alleen prijzen p5 (€);Alleen prijzen p95 "
          "(€);Alleen classificatie p5 (€);Alleen classificatie p95 (€)");
  EXPECT_NE(ReadFile(Out(Language::kDutch, "distribution.csv")).find("\r\n14 psychotische crisis;"),
            std::string::npos);
  EXPECT_NE(ReadFile(Out(Language::kEnglish, "distribution.csv")).find("\r\n14 psychotic crisis;"),
            std::string::npos);
  EXPECT_NE(ReadFile(Out(Language::kDutch, "distribution.csv")).find("\r\nTotaal;"),
            std::string::npos);
  EXPECT_NE(ReadFile(Out(Language::kDutch, "activity.csv")).find("\r\nInstelling;"),
            std::string::npos);
  std::set<std::string> dutch_files, english_files;
  for (const auto& entry : fs::directory_iterator(Folder(Language::kDutch)))
    dutch_files.insert(entry.path().filename().string());
  for (const auto& entry : fs::directory_iterator(Folder(Language::kEnglish)))
    english_files.insert(entry.path().filename().string());
  EXPECT_EQ(dutch_files, english_files);
  EXPECT_EQ(dutch_files.count("distribution_percent.csv"), 1u);
}

TEST_F(ReportLanguageTest, XlsxSheetsAndHeadersFollowTheLanguage) {
  const std::string dutch = ZipEntry(Out(Language::kDutch, "report.xlsx"), "xl/workbook.xml");
  const std::string english = ZipEntry(Out(Language::kEnglish, "report.xlsx"), "xl/workbook.xml");
  for (const char* sheet : {"name=\"toelichting\"", "name=\"activiteit\"", "name=\"verdeling\"",
                            "name=\"verdeling_procent\"", "name=\"clusteromzet\""}) {
    EXPECT_NE(dutch.find(sheet), std::string::npos) << sheet;
  }
  for (const char* sheet : {"name=\"about\"", "name=\"activity\"", "name=\"distribution\"",
                            "name=\"cluster_revenue\""}) {
    EXPECT_NE(english.find(sheet), std::string::npos) << sheet;
  }
  const std::string dutch_strings =
      ZipEntry(Out(Language::kDutch, "report.xlsx"), "xl/sharedStrings.xml");
  const std::string english_strings =
      ZipEntry(Out(Language::kEnglish, "report.xlsx"), "xl/sharedStrings.xml");
  for (const char* text : {"<t>Clusterverdeling (patiënten)</t>", "<t>Patiënten met omzet</t>",
                           "<t>Pilotrapportage zorgclusters oktober 2026</t>", "<t>Tabbladen</t>",
                           "<t>Instelling</t>", "<t>14 psychotische crisis</t>"}) {
    EXPECT_NE(dutch_strings.find(text), std::string::npos) << text;
  }
  for (const char* text : {"<t>Cluster distribution (patients)</t>", "<t>Patients with revenue</t>",
                           "<t>Care-cluster pilot report October 2026</t>", "<t>Institution</t>"}) {
    EXPECT_NE(english_strings.find(text), std::string::npos) << text;
  }
}

TEST_F(ReportLanguageTest, HtmlFollowsTheLanguage) {
  const std::string dutch = ReadFile(Out(Language::kDutch, "report.html"));
  const std::string english = ReadFile(Out(Language::kEnglish, "report.html"));
  EXPECT_NE(dutch.find("lang=\"nl\""), std::string::npos);
  EXPECT_NE(english.find("lang=\"en\""), std::string::npos);
  EXPECT_NE(dutch.find("<h1>Pilotrapportage zorgclusters oktober 2026</h1>"), std::string::npos);
  EXPECT_NE(english.find("<h1>Care-cluster pilot report October 2026</h1>"), std::string::npos);
  EXPECT_NE(dutch.find("<h2>Verschuiving in de verdeling sinds september 2026</h2>"),
            std::string::npos);
  EXPECT_NE(english.find("<h2>Distribution shift since September 2026</h2>"), std::string::npos);
  EXPECT_NE(dutch.find("<th>Patiënten met een cluster</th>"), std::string::npos);
  EXPECT_NE(english.find("<th>Patients with a cluster</th>"), std::string::npos);
}

TEST_F(ReportLanguageTest, JsonStaysEnglish) {
  Poco::JSON::Parser parser;
  auto dutch = parser.parse(ReadFile(Out(Language::kDutch, "report.json")))
                   .extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Object::Ptr table = dutch->getArray("tables")->getObject(0);
  EXPECT_EQ(table->getValue<std::string>("id"), "activity");
  EXPECT_EQ(table->getValue<std::string>("title"), "Patients and measurements");
  EXPECT_EQ(table->getArray("columns")->getObject(0)->getValue<std::string>("key"), "patients");
}

// Every heading the Dutch edition shows differs from the English edition's
// at the same place, except names that are the same in both languages: a
// table whose English was reworded without a new translation fails here.
TEST_F(ReportLanguageTest, EveryHeadingOfTheDutchEditionIsDutch) {
  const std::vector<std::string> dutch = Headings(ReadFile(Out(Language::kDutch, "report.html")));
  const std::vector<std::string> english =
      Headings(ReadFile(Out(Language::kEnglish, "report.html")));
  ASSERT_EQ(dutch.size(), english.size());
  const std::set<std::string> same_in_both = {"", "p5", "p50", "p95", "Cluster", "X", "Y", "Z"};
  int compared = 0;
  for (size_t i = 0; i < dutch.size(); ++i) {
    const std::string& text = english[i];
    if (same_in_both.count(text) > 0 || text.starts_with("Department ") ||
        text.find("\xE2\x86\x92") != std::string::npos ||  // a move "4 → 7"
        text.find_first_not_of("0123456789.,%\xE2\x82\xAC\xC2\xA0 -") == std::string::npos) {
      continue;  // department names, numbers, months and axis labels are not words
    }
    ++compared;
    EXPECT_NE(dutch[i], text) << "not translated: \"" << text << "\"";
  }
  EXPECT_GT(compared, 150);
}

}  // namespace
}  // namespace clusterpilot
