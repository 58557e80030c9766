// Every format shows the same numbers and hides the same cells: the JSON is
// read as the reference, and the CSV files, the XLSX workbook and the HTML
// page are read back and compared with it cell by cell. The HTML must parse
// as XML and render in a real browser to something that is not blank.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "reports/dutch_number.h"
#include "reports/monthly_report.h"
#include "store/sql_statement.h"
#include "tests/reports/png_image.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"
#include "tests/support/zip_entry.h"

namespace clusterpilot {
namespace {

using Grid = std::vector<std::vector<std::string>>;

constexpr const char* kChromium = "/usr/bin/chromium";

// Revenue for every patient rated in the last three months, in the month.
std::string RevenueCsv(Store& store) {
  std::string csv = "patient;department;month;amount\n";
  SqlStatement select(store,
                      "SELECT DISTINCT patient_id, department FROM measurement "
                      "WHERE rating_date >= '2026-08-01' ORDER BY 1, 2");
  int i = 0;
  while (select.Step()) {
    csv += std::string(select.Text(0)) + ";" + std::string(select.Text(1)) + ";2026-10;" +
           std::to_string(300 + (i++ * 37) % 900) + ",25\n";
  }
  return csv;
}

class ReportFormatsTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScopedTempDir;
    setup_error_.clear();
    {
      ReportStore fixture(TestStoreLocationOf(*dir_));
      FillSyntheticStore(&fixture, SyntheticStoreOptions{.patients = 260, .departments = 8});
      WriteFile(dir_->File("revenue.csv"), RevenueCsv(fixture.store()));
    }
    WriteFile(dir_->File("tariffs.csv"), PlausibleTariffCsv());
    auto store = Store::Open(TestStoreLocationOf(*dir_));
    if (!store.ok()) {
      setup_error_ = store.error().ToString();
      return;
    }
    ReportRequest request;
    request.month = CalendarMonth{2026, 10};
    request.tariff_file = dir_->File("tariffs.csv");
    request.revenue_file = dir_->File("revenue.csv");
    request.out_dir = dir_->File("report");
    request.monte_carlo.draws = 1000;
    request.user = "test";
    Result<ReportSummary> summary = WriteMonthlyReport(*store.value(), request);
    if (!summary.ok()) setup_error_ = summary.error().ToString();
  }
  static void TearDownTestSuite() { delete dir_; }
  // A failure in SetUpTestSuite would only skip the tests (and ctest counts
  // a skip as no failure): each test fails here instead.
  void SetUp() override { ASSERT_EQ(setup_error_, "") << "the suite's report was not written"; }

  static std::string Out(const std::string& name) { return dir_->File("report/" + name); }

  static Poco::JSON::Object::Ptr Json() {
    Poco::JSON::Parser parser;
    return parser.parse(ReadFile(Out("report.json"))).extract<Poco::JSON::Object::Ptr>();
  }

  static ScopedTempDir* dir_;
  static inline std::string setup_error_;  // what stopped SetUpTestSuite; empty when it ran
};

ScopedTempDir* ReportFormatsTest::dir_ = nullptr;

std::string JsonCellText(const Poco::Dynamic::Var& value) {
  if (value.isEmpty()) return "";
  if (value.isString()) return value.extract<std::string>();
  if (value.isInteger()) return std::to_string(value.convert<Poco::Int64>());
  return "number";
}

Grid ReadCsv(const std::string& path) {
  std::string text = ReadFile(path);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << path << " lacks the byte-order mark";
  text.erase(0, 3);
  Grid grid;
  std::stringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    EXPECT_TRUE(!line.empty() && line.back() == '\r') << path << ": lines end in CRLF";
    if (!line.empty()) line.pop_back();
    std::vector<std::string> cells;
    std::stringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, ';')) cells.push_back(cell);
    if (!line.empty() && line.back() == ';') cells.emplace_back();
    grid.push_back(cells);
  }
  return grid;
}

Poco::AutoPtr<Poco::XML::Document> ParseXml(const std::string& text) {
  Poco::XML::DOMParser parser;
  return parser.parseString(text);
}

// Cell texts of a worksheet by (row, column), 0-based; shared strings resolved.
std::map<std::pair<int, int>, std::string> ReadSheet(const std::string& path, int sheet) {
  std::vector<std::string> shared;
  auto strings = ParseXml(ZipEntry(path, "xl/sharedStrings.xml"));
  Poco::AutoPtr<Poco::XML::NodeList> items = strings->getElementsByTagName("si");
  for (unsigned long i = 0; i < items->length(); ++i) shared.push_back(items->item(i)->innerText());
  auto document = ParseXml(ZipEntry(path, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml"));
  std::map<std::pair<int, int>, std::string> cells;
  Poco::AutoPtr<Poco::XML::NodeList> list = document->getElementsByTagName("c");
  for (unsigned long i = 0; i < list->length(); ++i) {
    auto* cell = static_cast<Poco::XML::Element*>(list->item(i));
    const std::string ref = cell->getAttribute("r");
    int column = 0;
    size_t at = 0;
    while (at < ref.size() && std::isalpha(static_cast<unsigned char>(ref[at])))
      column = column * 26 + (ref[at++] - 'A' + 1);
    const int row = std::stoi(ref.substr(at)) - 1;
    const std::string value = cell->innerText();
    cells[{row, column - 1}] =
        cell->getAttribute("t") == "s" ? shared.at(std::stoul(value)) : value;
  }
  return cells;
}

// The td texts of the table in <section id="...">, by row.
Grid HtmlTable(Poco::XML::Document& document, const std::string& id) {
  Grid grid;
  Poco::AutoPtr<Poco::XML::NodeList> sections = document.getElementsByTagName("section");
  for (unsigned long s = 0; s < sections->length(); ++s) {
    auto* section = static_cast<Poco::XML::Element*>(sections->item(s));
    if (section->getAttribute("id") != id) continue;
    Poco::AutoPtr<Poco::XML::NodeList> rows = section->getElementsByTagName("tr");
    for (unsigned long r = 1; r < rows->length(); ++r) {  // row 0: the header
      auto* row = static_cast<Poco::XML::Element*>(rows->item(r));
      Poco::AutoPtr<Poco::XML::NodeList> cells = row->getElementsByTagName("td");
      std::vector<std::string> texts;
      for (unsigned long c = 0; c < cells->length(); ++c)
        texts.push_back(cells->item(c)->innerText());
      grid.push_back(texts);
    }
  }
  return grid;
}

bool IsMarker(const std::string& text) { return text == "<5" || text == "x"; }

TEST_F(ReportFormatsTest, EveryFormatHidesTheSameCells) {
  Poco::JSON::Object::Ptr json = Json();
  Poco::JSON::Array::Ptr tables = json->getArray("tables");
  auto html = ParseXml(ReadFile(Out("report.html")));
  int small = 0, protective = 0, compared = 0;
  for (unsigned t = 0; t < tables->size(); ++t) {
    Poco::JSON::Object::Ptr table = tables->getObject(t);
    const std::string id = table->getValue<std::string>("id");
    Poco::JSON::Array::Ptr columns = table->getArray("columns");
    Poco::JSON::Array::Ptr rows = table->getArray("rows");
    const Grid csv = ReadCsv(Out(id + ".csv"));
    const auto xlsx = ReadSheet(Out("report.xlsx"), static_cast<int>(t) + 2);
    const Grid page = HtmlTable(*html, id);
    ASSERT_EQ(csv.size(), rows->size() + 1) << id;
    ASSERT_EQ(page.size(), rows->size()) << id;
    for (unsigned r = 0; r < rows->size(); ++r) {
      Poco::JSON::Object::Ptr values = rows->getObject(r)->getObject("values");
      for (unsigned c = 0; c < columns->size(); ++c) {
        Poco::JSON::Object::Ptr column = columns->getObject(c);
        const std::string key = column->getValue<std::string>("key");
        const std::string unit = column->getValue<std::string>("unit");
        const std::string expected = JsonCellText(values->get(key));
        const std::string where = id + " row " + std::to_string(r) + " " + key;
        const std::string in_csv = csv[r + 1][c + 1];
        const std::string in_page = page[r][c + 1];
        auto in_xlsx = xlsx.find({4 + static_cast<int>(r), static_cast<int>(c) + 1});
        const std::string xlsx_text = in_xlsx == xlsx.end() ? "" : in_xlsx->second;
        if (IsMarker(expected)) {
          small += expected == "<5";
          protective += expected == "x";
          // People read a small count in a percentage column as "n<5",
          // never as "<5%"; JSON keeps the one marker.
          const std::string shown = unit == "fraction" && expected == "<5" ? "n<5" : expected;
          EXPECT_EQ(in_csv, shown) << where;
          EXPECT_EQ(in_page, shown) << where;
          EXPECT_EQ(xlsx_text, shown) << where;
        } else {
          EXPECT_FALSE(IsMarker(in_csv) || IsMarker(in_page) || IsMarker(xlsx_text)) << where;
        }
        if (unit == "count" && !IsMarker(expected) && !expected.empty()) {
          const int64_t count = std::stoll(expected);
          EXPECT_TRUE(count == 0 || count >= 5) << where << " shows " << count;
          EXPECT_EQ(in_csv, expected) << where;
          EXPECT_EQ(xlsx_text, expected) << where;
          EXPECT_EQ(in_page, FormatCount(count)) << where;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(small, 5) << "the test data must have small cells";
  EXPECT_GT(protective, 5) << "the test data must need protective suppression";
  EXPECT_GT(compared, 200);
}

TEST_F(ReportFormatsTest, NoPatientIdentifierLeavesInTheSharedFiles) {
  EXPECT_FALSE(std::filesystem::exists(Out("flagged-patients.csv")));
  for (const auto& entry : std::filesystem::directory_iterator(dir_->File("report"))) {
    std::string content = ReadFile(entry.path().string());
    if (entry.path().extension() == ".xlsx")
      content = ZipEntry(entry.path().string(), "xl/sharedStrings.xml");
    EXPECT_EQ(content.find("P100"), std::string::npos) << entry.path();
  }
}

TEST_F(ReportFormatsTest, TheHtmlIsSelfContainedAndDutch) {
  const std::string html = ReadFile(Out("report.html"));
  ASSERT_NO_THROW(ParseXml(html));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/"));  // only namespaces
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_NE(html.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("\xE2\x82\xAC\xC2\xA0"), std::string::npos);  // € and a no-break space
  auto document = ParseXml(html);
  const Grid revenue = HtmlTable(*document, "cluster_revenue");
  ASSERT_FALSE(revenue.empty());
  // The first amount of a thousand euros or more that the disclosure audit
  // left shown (which depends on the cells it hid; in this small institution
  // it can hide the institution's row).
  std::string expected = "x";
  for (size_t r = revenue.size(); r-- > 1 && expected == "x";) {
    for (size_t c = 2; c < revenue[r].size() && expected == "x"; ++c) {
      if (revenue[r][c].find('.') != std::string::npos) expected = revenue[r][c];
    }
  }
  EXPECT_EQ(expected.rfind("\xE2\x82\xAC\xC2\xA0", 0), 0u) << expected;
  EXPECT_NE(expected.find(','), std::string::npos) << "decimal comma: " << expected;
  EXPECT_NE(expected.find('.'), std::string::npos) << "thousands dot: " << expected;
}

TEST_F(ReportFormatsTest, JsonDescribesItself) {
  Poco::JSON::Object::Ptr json = Json();
  EXPECT_EQ(json->getValue<std::string>("month"), "2026-10");
  EXPECT_EQ(json->getValue<int>("suppress_below"), 5);
  EXPECT_EQ(json->getObject("monte_carlo")->getValue<int>("draws"), 1000);
  EXPECT_EQ(json->getValue<std::string>("tariff_unit"), "euro per patient per month");
  std::vector<std::string> ids;
  Poco::JSON::Array::Ptr tables = json->getArray("tables");
  for (unsigned t = 0; t < tables->size(); ++t)
    ids.push_back(tables->getObject(t)->getValue<std::string>("id"));
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "activity", "honos", "distribution", "distribution_percent", "fit",
                     "fit_ranking", "overrides", "cluster_revenue", "caseload_revenue",
                     "allocation", "impact", "poor_fit_revenue", "changes", "cluster_shift",
                     "moves", "transitions", "trends", "trend_reviews", "trend_revenue"}));
}

// Renders `html_path` with headless Chromium and decodes the screenshot.
PngImage Screenshot(const ScopedTempDir& dir, const std::string& html_path) {
  const std::string png = dir.File("shot.png");
  const std::string command =
      std::string("timeout 120 ") + kChromium +
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir=" +
      dir.File("profile") + " --screenshot=" + png + " --window-size=1200,1600 file://" +
      html_path + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  PngImage image;
  std::string problem;
  EXPECT_TRUE(DecodePng(ReadFile(png), &image, &problem)) << problem;
  return image;
}

TEST_F(ReportFormatsTest, ChromiumRendersTheReport) {
  ASSERT_TRUE(std::filesystem::exists(kChromium))
      << kChromium << " is missing: install the Debian package chromium "
      << "(scripts/install-dependencies.sh does) to check that the report renders";
  ScopedTempDir shots;
  const PngImage report = Screenshot(shots, Out("report.html"));
  EXPECT_EQ(report.width, 1200);
  EXPECT_EQ(report.height, 1600);
  EXPECT_GT(report.InkShare(), 0.03);
  EXPECT_GT(report.DistinctColours(), 20);

  // The same check on a blank page must fail, or it proves nothing.
  WriteFile(shots.File("blank.html"), "<!DOCTYPE html><html><body></body></html>");
  ScopedTempDir blank_shots;
  const PngImage blank = Screenshot(blank_shots, shots.File("blank.html"));
  EXPECT_LT(blank.InkShare(), 0.001);
  EXPECT_LT(blank.DistinctColours(), 3);
}

}  // namespace
}  // namespace clusterpilot
