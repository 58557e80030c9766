// Issue #10 item 5: text a user typed (a department, a clinician, an
// override reason) must not reach Excel as a formula. The injection strings
// go in through the real import and override commands and are looked for in
// every CSV the tool writes, and in the XLSX.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_entry.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kInjections = {"=HYPERLINK(\"http://x\",\"y\")",
                                              "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"};

// A cell as a ';'-separated CSV writes it.
std::string Quoted(const std::string& text) {
  if (text.find_first_of("\";\r\n") == std::string::npos) return text;
  return "\"" + std::regex_replace(text, std::regex("\""), "\"\"") + "\"";
}

// The cells of a ';'-separated CSV file (RFC 4180 quoting), row by row.
std::vector<std::vector<std::string>> CsvCells(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      rows.back().back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == ';') {
      rows.back().emplace_back();
    } else if (!quoted && (c == '\n' || (c == '\r' && text[i + 1] == '\n'))) {
      i += c == '\r';
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  return rows;
}

std::string Joined(const std::vector<std::string>& cells) {
  std::string line;
  for (const std::string& cell : cells) line += (line.empty() ? "" : ";") + Quoted(cell);
  return line;
}

class FormulaInjectionTest : public testing::Test {
 protected:
  // A generated export whose departments and clinicians are all injection
  // strings, plus one row that is rejected (HV01 = 7) with one as well.
  void SetUp() override {
    ASSERT_EQ(RunClusterpilot({"generate", "--patients", "400", "--months", "2", "--seed", "5",
                               "--end-month", "2026-09", "--out", dir_.File("generated.csv")})
                  .exit_code,
              0);
    std::istringstream lines(ReadFile(dir_.File("generated.csv")));
    std::string text;
    std::map<std::string, size_t> department_index;
    std::string line;
    std::getline(lines, line);
    text += line + "\n";
    for (size_t row = 0; std::getline(lines, line); ++row) {
      std::vector<std::string> cells = CsvCells(line)[0];
      const size_t index =
          department_index.emplace(cells[1], department_index.size()).first->second;
      cells[1] = kInjections[index % kInjections.size()];
      cells[3] = kInjections[row % kInjections.size()];
      text += Joined(cells) + "\n";
      if (row == 0) {
        cells[6] = "7";  // HV01 rates 0-4
        rejected_ = Joined(cells);
      }
    }
    WriteFile(export_, text + rejected_ + "\n");
  }

  // Every CSV cell that starts like a formula: a finding unless it is a
  // number (a negative amount, say).
  static void ExpectNoFormula(const std::string& file) {
    static const std::regex kNumber("-?[0-9.]+(,[0-9]+)?%?");
    int row_number = 0;
    for (const std::vector<std::string>& row : CsvCells(ReadFile(file))) {
      ++row_number;
      for (const std::string& cell : row) {
        if (cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos) continue;
        EXPECT_TRUE(std::regex_match(cell, kNumber))
            << file << " row " << row_number << ": \"" << cell << "\" reaches Excel as a formula";
      }
    }
  }

  // How many of the injection strings `file` holds, neutralised.
  static size_t NeutralisedInjections(const std::string& file) {
    std::set<std::string> cells;
    for (const auto& row : CsvCells(ReadFile(file))) cells.insert(row.begin(), row.end());
    size_t found = 0;
    for (const std::string& injection : kInjections) found += cells.count("'" + injection);
    return found;
  }

  ScopedTempDir dir_;
  const std::string export_ = dir_.File("export.csv");
  const std::string db_ = dir_.File("pilot.db");
  std::string rejected_;
};

TEST_F(FormulaInjectionTest, TypedTextComesOutNeutralisedInEveryCsvAndPlainInTheXlsx) {
  CommandOutcome imported = RunClusterpilot({"import", "--db", db_, export_});
  ASSERT_EQ(imported.exit_code, 1) << imported.err;  // the one rejected row
  ASSERT_EQ(RunClusterpilot({"classify", "--db", db_}).exit_code, 0);
  for (int i = 0; i < 4; ++i) {
    CommandOutcome overridden = RunClusterpilot(
        {"override", "--db", db_, "--measurement", std::to_string(i + 1), "--cluster", "12",
         "--outside-supercluster", "--reason", kInjections[i], "--by", "dr.test"});
    ASSERT_EQ(overridden.exit_code, 0) << overridden.err;
  }
  const std::string out = dir_.File("report");
  CommandOutcome report =
      RunClusterpilot({"report", "--db", db_, "--month", "2026-09", "--tariffs",
                       std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/demo_tariffs.csv", "--out",
                       out, "--with-patient-list"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string assignments = dir_.File("assignments.csv");
  ASSERT_EQ(RunClusterpilot({"assignments", "--db", db_, "--format", "csv", "--out", assignments})
                .exit_code,
            0);

  // Every CSV: none starts a cell like a formula.
  std::vector<std::string> files = {assignments, export_ + ".rejects.csv"};
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path().string());
  }
  ASSERT_GE(files.size(), 8u);
  for (const std::string& file : files) ExpectNoFormula(file);
  // ... and the strings are there, neutralised: departments, clinicians and
  // reasons in the assignments, departments in the report's tables and the
  // patient list, the rejected row's department in the reject file.
  EXPECT_EQ(NeutralisedInjections(assignments), kInjections.size());
  EXPECT_EQ(NeutralisedInjections(out + "/flagged-patients.csv"), kInjections.size());
  EXPECT_EQ(NeutralisedInjections(out + "/distribution.csv"), kInjections.size());
  EXPECT_GE(NeutralisedInjections(export_ + ".rejects.csv"), 1u);

  // The XLSX: no cell is a formula, and the strings are stored as they were
  // typed (a spreadsheet shows a text cell as text).
  const std::string xlsx = out + "/report.xlsx";
  const std::string strings = ZipEntry(xlsx, "xl/sharedStrings.xml");
  ASSERT_FALSE(strings.empty());
  for (const char* plain : {">@SUM(1)<", ">-2+3<", "=HYPERLINK(", "+cmd|"}) {
    EXPECT_NE(strings.find(plain), std::string::npos) << plain;
  }
  EXPECT_EQ(strings.find("'@SUM(1)"), std::string::npos);
  int sheets = 0;
  for (int sheet = 1;
       !ZipEntry(xlsx, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml").empty(); ++sheet) {
    ++sheets;
    const std::string xml = ZipEntry(xlsx, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
    EXPECT_EQ(xml.find("<f>"), std::string::npos) << "sheet " << sheet;
    EXPECT_EQ(xml.find("<f "), std::string::npos) << "sheet " << sheet;
  }
  EXPECT_GE(sheets, 5);
}

}  // namespace
}  // namespace clusterpilot
