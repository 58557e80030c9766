// End-to-end tests of `clusterpilot generate`.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

size_t CountLines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

TEST(GenerateCommandTest, WritesACsvExportAndItsTruthFile) {
  ScopedTempDir dir;
  const std::string out = dir.File("syn.csv");
  CommandOutcome outcome = RunClusterpilot({"generate", "--patients", "40", "--months", "6",
                                            "--seed", "5", "--end-month", "2026-06", "--out", out});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string csv = ReadFile(out);
  const std::string truth = ReadFile(out + ".truth.csv");
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFpatiëntnummer;afdeling;datum;", 0), 0u);
  EXPECT_EQ(truth.rfind("\xEF\xBB\xBFpatient_id;department;rating_date;true_cluster\r\n", 0), 0u);
  const size_t measurements = CountLines(csv) - 1;
  EXPECT_GE(measurements, 40u);
  EXPECT_EQ(CountLines(truth) - 1, measurements);
  EXPECT_EQ(outcome.out, "wrote " + std::to_string(measurements) +
                             " synthetic measurements of 40 patients in 7 departments, 2026-01 "
                             "to 2026-06, to " +
                             out + "\nthe true cluster of each measurement is in " + out +
                             ".truth.csv\n");
  EXPECT_EQ(csv.find("-07-2026;"), std::string::npos) << "nothing after the end month";
}

TEST(GenerateCommandTest, TheSameSeedGivesTheSameFile) {
  ScopedTempDir dir;
  for (const char* name : {"a.xml", "b.xml"}) {
    ASSERT_EQ(
        RunClusterpilot({"generate", "--patients", "30", "--months", "3", "--seed", "9",
                         "--end-month", "2026-01", "--departments", "9", "--out", dir.File(name)})
            .exit_code,
        0);
  }
  const std::string a = ReadFile(dir.File("a.xml"));
  EXPECT_EQ(a, ReadFile(dir.File("b.xml")));
  EXPECT_NE(a.find("<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\""),
            std::string::npos);
  ASSERT_EQ(RunClusterpilot({"generate", "--patients", "30", "--months", "3", "--seed", "10",
                             "--end-month", "2026-01", "--out", dir.File("c.xml")})
                .exit_code,
            0);
  EXPECT_NE(a, ReadFile(dir.File("c.xml")));
}

TEST(GenerateCommandTest, BadOptionsAreUsageErrors) {
  ScopedTempDir dir;
  const std::string out = dir.File("x.csv");
  struct Case {
    std::vector<std::string> arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--patients", "10", "--out", out}, "--patients, --months and --out are required"},
      {{"--patients", "ten", "--months", "3", "--out", out},
       "--patients \"ten\": give a whole number from 1 to 9999999"},
      {{"--patients", "10", "--months", "0", "--out", out},
       "--months \"0\": give a whole number from 1 to 120"},
      {{"--patients", "10", "--months", "3", "--seed", "-1", "--out", out},
       "--seed \"-1\": give a whole number, 0 or more"},
      {{"--patients", "10", "--months", "3", "--departments", "21", "--out", out},
       "--departments \"21\": give a whole number from 6 to 20"},
      {{"--patients", "10", "--months", "3", "--end-month", "2026-13", "--out", out},
       "--end-month \"2026-13\": not a month; write it as YYYY-MM, e.g. 2026-03"},
      {{"--patients", "10", "--months", "3", "--end-month", "9999-01", "--out", out},
       "--end-month \"9999-01\": the month is not over yet; choose an earlier month"},
      {{"--patients", "10", "--months", "3", "--out", dir.File("x.txt")},
       dir.File("x.txt") + ": the name must end in .csv or .xml; it decides the format"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> arguments = {"generate"};
    arguments.insert(arguments.end(), c.arguments.begin(), c.arguments.end());
    CommandOutcome outcome = RunClusterpilot(arguments);
    EXPECT_EQ(outcome.exit_code, 2) << c.message;
    EXPECT_EQ(outcome.err, "clusterpilot generate: " + c.message + "\n");
  }
}

}  // namespace
}  // namespace clusterpilot
