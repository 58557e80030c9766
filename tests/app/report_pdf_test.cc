// The demo report printed on A4 by a real browser: Debian's Chromium prints
// report.html to PDF, poppler turns every page into a PNG and into text, and
// the test checks that no page is blank, that every page is A4 (portrait or
// landscape), and that every table of the HTML arrives on paper whole: each
// header word is in the PDF text, and each table's last row holds as many
// values as the table has columns.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reports/png_image.h"
#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr const char* kPdfToPpm = "/usr/bin/pdftoppm";
constexpr const char* kPdfToText = "/usr/bin/pdftotext";
// Pages are rendered at 30 dpi: A4 is 248 x 351 pixels, enough to tell ink
// from blank and cheap to decode.
constexpr int kDpi = 30;
constexpr int kA4Short = 248;
constexpr int kA4Long = 351;

int RunQuietly(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str());
}

struct HtmlTable {
  std::string id;
  std::string title;
  std::vector<std::string> headers;  // the label column's header first (may be "")
  std::string last_row_label;
  int columns = 0;  // value columns, without the label column
};

std::string Text(Poco::XML::Node* node) { return node->innerText(); }

std::vector<HtmlTable> TablesOf(const std::string& html) {
  Poco::XML::DOMParser parser;
  Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(html);
  std::vector<HtmlTable> tables;
  Poco::AutoPtr<Poco::XML::NodeList> sections = document->getElementsByTagName("section");
  for (unsigned long s = 0; s < sections->length(); ++s) {
    auto* section = static_cast<Poco::XML::Element*>(sections->item(s));
    Poco::AutoPtr<Poco::XML::NodeList> heads = section->getElementsByTagName("th");
    if (heads->length() == 0) continue;
    HtmlTable table;
    table.id = section->getAttribute("id");
    Poco::AutoPtr<Poco::XML::NodeList> titles = section->getElementsByTagName("h2");
    table.title = Text(titles->item(0));
    for (unsigned long h = 0; h < heads->length(); ++h)
      table.headers.push_back(Text(heads->item(h)));
    table.columns = static_cast<int>(heads->length()) - 1;
    Poco::AutoPtr<Poco::XML::NodeList> rows = section->getElementsByTagName("tr");
    auto* last = static_cast<Poco::XML::Element*>(rows->item(rows->length() - 1));
    Poco::AutoPtr<Poco::XML::NodeList> cells = last->getElementsByTagName("td");
    table.last_row_label = Text(cells->item(0));
    tables.push_back(table);
  }
  return tables;
}

// The headings of the chart sections (distribution, revenue, the trends'
// small multiples and the transitions' flow chart), with how many drawings each has.
std::vector<std::pair<std::string, int>> ChartsOf(const std::string& html) {
  Poco::XML::DOMParser parser;
  Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(html);
  std::vector<std::pair<std::string, int>> charts;
  Poco::AutoPtr<Poco::XML::NodeList> sections = document->getElementsByTagName("section");
  for (unsigned long s = 0; s < sections->length(); ++s) {
    auto* section = static_cast<Poco::XML::Element*>(sections->item(s));
    if (section->getAttribute("class").find("chart") == std::string::npos) continue;
    Poco::AutoPtr<Poco::XML::NodeList> titles = section->getElementsByTagName("h2");
    Poco::AutoPtr<Poco::XML::NodeList> drawings = section->getElementsByTagName("svg");
    charts.emplace_back(Text(titles->item(0)), static_cast<int>(drawings->length()));
  }
  return charts;
}

// The values on a line of `pdftotext -layout` after the row's label:
// "€ 1.234,56" (with a normal or no-break space), "1.234", "12,3%", "4,5",
// "<5", "n<5", "x" or "–".
int ValuesIn(const std::string& rest) {
  static const std::regex kValue(
      "(\xE2\x82\xAC(\\s|\xC2\xA0)*-?[0-9.]+,[0-9]+|-?[0-9][0-9.]*(,[0-9]+)?%?|n?<[0-9]+|x|"
      "\xE2\x80\x93)(?=\\s|$)");
  return static_cast<int>(std::distance(std::sregex_iterator(rest.begin(), rest.end(), kValue),
                                        std::sregex_iterator()));
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::stringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The values on the last line from `from` to `to` that starts with
// `label`; -1 when no line does.
int LastRowValues(const std::vector<std::string>& lines, size_t from, size_t to,
                  const std::string& label) {
  int values = -1;
  for (size_t l = from; l < to && l < lines.size(); ++l) {
    const size_t at = lines[l].find(label);
    if (at == std::string::npos || lines[l].find_first_not_of(' ') != at) continue;
    values = ValuesIn(lines[l].substr(at + label.size()));
  }
  return values;
}

class ReportPdfTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kChromium)) {
      GTEST_SKIP() << kChromium << " is missing: install the Debian package chromium "
                   << "(scripts/install-dependencies.sh does) to check the A4 print";
    }
    ASSERT_TRUE(fs::exists(kPdfToPpm) && fs::exists(kPdfToText))
        << "pdftoppm and pdftotext are missing: install the Debian package poppler-utils "
        << "(scripts/install-dependencies.sh does)";
  }

  // Prints `html_path` to `pdf` on A4 (Chromium's default paper).
  void Print(const std::string& html_path, const std::string& pdf) {
    const std::string print = std::string("timeout 120 ") + kChromium +
                              " --headless --no-sandbox --disable-gpu "
                              "--disable-background-networking --disable-component-update "
                              "--no-first-run --disable-sync --no-pdf-header-footer "
                              "--user-data-dir=" +
                              dir_.File("profile") + " --print-to-pdf=" + pdf + " file://" +
                              html_path;
    EXPECT_EQ(RunQuietly(print), 0) << print;
  }

  // The lines of the PDF's text, laid out as on paper.
  std::vector<std::string> PdfLines(const std::string& pdf) {
    const std::string text = pdf + ".txt";
    EXPECT_EQ(RunQuietly(std::string(kPdfToText) + " -layout " + pdf + " " + text), 0);
    return Lines(ReadFile(text));
  }

  // Runs the demo and prints its report; returns the PDF's path.
  std::string PrintDemo() {
    const CommandOutcome demo = RunClusterpilot({"demo", "--out", dir_.File("demo")});
    EXPECT_EQ(demo.exit_code, 0) << demo.err;
    const std::string pdf = dir_.File("report.pdf");
    Print(html_path(), pdf);
    return pdf;
  }

  std::string html_path() const { return dir_.File("demo/report/report.html"); }

  ScopedTempDir dir_;
};

TEST_F(ReportPdfTest, TheDemoReportPrintsOnA4WithEveryColumn) {
  const std::string pdf = PrintDemo();
  ASSERT_TRUE(fs::exists(pdf));

  // Every page a PNG, A4 in either orientation, none blank.
  ASSERT_EQ(RunQuietly(std::string(kPdfToPpm) + " -r " + std::to_string(kDpi) + " -png " + pdf +
                       " " + dir_.File("page")),
            0);
  std::vector<std::string> pages;
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    if (entry.path().extension() == ".png") pages.push_back(entry.path().string());
  }
  std::sort(pages.begin(), pages.end());
  ASSERT_GE(pages.size(), 4u) << "a report of 13 tables and 2 charts needs several pages";
  int landscape = 0;
  for (const std::string& page : pages) {
    PngImage image;
    std::string problem;
    ASSERT_TRUE(DecodePng(ReadFile(page), &image, &problem)) << page << ": " << problem;
    const bool portrait = image.width == kA4Short && image.height == kA4Long;
    const bool wide = image.width == kA4Long && image.height == kA4Short;
    EXPECT_TRUE(portrait || wide) << page << " is " << image.width << "x" << image.height;
    landscape += wide ? 1 : 0;
    EXPECT_GT(image.InkShare(), 0.01) << page << " is blank";
  }
  EXPECT_GE(landscape, 1) << "the wide distribution tables print on landscape pages";

  // Every table whole in the text of the PDF.
  ASSERT_EQ(RunQuietly(std::string(kPdfToText) + " -layout " + pdf + " " + dir_.File("report.txt")),
            0);
  const std::vector<std::string> lines = Lines(ReadFile(dir_.File("report.txt")));
  const std::vector<HtmlTable> tables = TablesOf(ReadFile(html_path()));
  ASSERT_GE(tables.size(), 10u);
  // Every chart on paper: its heading in the PDF's text (the trends' small
  // multiples and the transitions' flow chart among them), each drawing there.
  const std::vector<std::pair<std::string, int>> charts = ChartsOf(ReadFile(html_path()));
  ASSERT_GE(charts.size(), 6u) << "distribution, revenue, three trend charts, transitions";
  std::string paper;
  for (const std::string& line : lines) paper += line + "\n";
  for (const auto& [heading, drawings] : charts) {
    EXPECT_NE(paper.find(heading), std::string::npos) << "chart \"" << heading << "\" not on paper";
    EXPECT_GE(drawings, 1) << heading;
  }
  std::vector<size_t> starts;  // the line of each table's title, in order
  size_t from = 0;
  for (const HtmlTable& table : tables) {
    size_t at = from;
    while (at < lines.size() && lines[at].find(table.title) == std::string::npos) ++at;
    ASSERT_LT(at, lines.size()) << table.id << ": title \"" << table.title << "\" not in the PDF";
    starts.push_back(at);
    from = at + 1;
  }
  starts.push_back(lines.size());
  for (size_t t = 0; t < tables.size(); ++t) {
    const HtmlTable& table = tables[t];
    std::string region;
    for (size_t l = starts[t]; l < starts[t + 1]; ++l) region += lines[l] + "\n";
    for (const std::string& header : table.headers) {
      for (const std::string& word : Words(header)) {
        EXPECT_NE(region.find(word), std::string::npos)
            << table.id << ": header word \"" << word << "\" of \"" << header
            << "\" is not on paper";
      }
    }
    const int values = LastRowValues(lines, starts[t], starts[t + 1], table.last_row_label);
    EXPECT_EQ(values, table.columns)
        << table.id << ": the row \"" << table.last_row_label << "\" shows " << values
        << " values on paper for " << table.columns << " columns\n"
        << region;
  }
}

// The column check must fail on a table that is cut off, or it proves
// nothing: printed without the report's print rules, a table too wide for
// A4 loses its last columns, and the count on paper falls short.
TEST_F(ReportPdfTest, ACutOffTableIsCaught) {
  constexpr int kColumns = 40;
  std::string html = "<!DOCTYPE html><html><body><h2>Wide</h2><table><tr><th>Label</th>";
  for (int c = 0; c < kColumns; ++c) html += "<th>Column" + std::to_string(c) + "</th>";
  html += "</tr><tr><td>Totaal</td>";
  for (int c = 0; c < kColumns; ++c) html += "<td style=\"white-space:nowrap\">1.234</td>";
  html += "</tr></table></body></html>";
  WriteFile(dir_.File("wide.html"), html);
  Print(dir_.File("wide.html"), dir_.File("wide.pdf"));
  const std::vector<std::string> lines = PdfLines(dir_.File("wide.pdf"));
  const int values = LastRowValues(lines, 0, lines.size(), "Totaal");
  EXPECT_GT(values, 0);
  EXPECT_LT(values, kColumns);
}

TEST(ReportPdfValuesTest, CountsTheValuesOfARow) {
  EXPECT_EQ(ValuesIn("   1.234    \xE2\x82\xAC\xC2\xA0"
                     "12.345,67   12,5%   <5   n<5   x   \xE2\x80\x93"),
            7);
  EXPECT_EQ(ValuesIn("   \xE2\x82\xAC -1.234,56   4,5"), 2);
  EXPECT_EQ(ValuesIn("   1.234    56"), 2);
  EXPECT_EQ(ValuesIn(""), 0);
}

}  // namespace
}  // namespace clusterpilot
