// End-to-end tests of `clusterpilot report` and `clusterpilot demo`: the real
// binary on real stores and files.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/audit_log.h"
#include "store/store.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

class ReportCommandTest : public testing::Test {
 protected:
  ReportCommandTest() {
    {
      ReportStore fixture(dir_.File("store.db"));
      FillSyntheticStore(&fixture, SyntheticStoreOptions{.patients = 300});
    }
    WriteFile(dir_.File("tariffs.csv"), PlausibleTariffCsv());
    WriteFile(dir_.File("revenue.csv"),
              "patient;department;month;amount\nP100001;Department A;2026-10;250,00\n");
  }

  CommandOutcome Report(std::vector<std::string> extra) {
    std::vector<std::string> arguments = {"report", "--db", dir_.File("store.db"), "--by",
                                          "finance"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return RunClusterpilot(arguments);
  }

  std::vector<AuditEntry> Audit() {
    auto store = Store::Open(dir_.File("store.db"));
    return ReadAuditLog(*store.value()).value();
  }

  ScopedTempDir dir_;
};

TEST_F(ReportCommandTest, WritesEveryFormatAndRecordsTheReading) {
  const std::string out = dir_.File("reports/2026-10");
  CommandOutcome outcome = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"),
                                   "--revenue", dir_.File("revenue.csv"), "--out", out});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out.rfind("report for October 2026 written to " + out + "\n", 0), 0u)
      << outcome.out;
  for (const char* file :
       {"report.html", "report.json", "report.xlsx", "distribution.csv", "impact.csv"}) {
    EXPECT_TRUE(fs::exists(out + "/" + file)) << file;
  }
  EXPECT_FALSE(fs::exists(out + "/flagged-patients.csv"));
  const std::vector<AuditEntry> audit = Audit();
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back().user, "finance");
  EXPECT_EQ(audit.back().action, "report");
  EXPECT_EQ(audit.back().object, "patients of 2026-10");
}

TEST_F(ReportCommandTest, PatientListOnlyWhenAskedFor) {
  const std::string out = dir_.File("care-team");
  CommandOutcome outcome = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"),
                                   "--out", out, "--with-patient-list"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string list = ReadFile(out + "/flagged-patients.csv");
  EXPECT_EQ(list.rfind("\xEF\xBB\xBF"
                       "department;patient;measurement;rating_date;cluster;",
                       0),
            0u);
  EXPECT_NE(list.find(";P1"), std::string::npos);
  EXPECT_EQ(ReadFile(out + "/report.html").find("P1000"), std::string::npos);
  EXPECT_NE(outcome.out.find("flagged-patients.csv names patients: for the care team only"),
            std::string::npos);
  EXPECT_EQ(Audit().back().object, "patients of 2026-10 with patient list");
}

TEST_F(ReportCommandTest, UsageErrors) {
  CommandOutcome missing = Report({"--tariffs", dir_.File("tariffs.csv"), "--out", dir_.File("r")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(
      missing.err,
      "clusterpilot report: --month is required; `clusterpilot report --help` lists the options\n");
  CommandOutcome month = Report(
      {"--month", "10-2026", "--tariffs", dir_.File("tariffs.csv"), "--out", dir_.File("r")});
  EXPECT_EQ(month.exit_code, 2);
  EXPECT_EQ(month.err,
            "clusterpilot report: --month \"10-2026\": not a month; write it as YYYY-MM, e.g. "
            "2026-03\n");
  CommandOutcome seed = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"),
                                "--out", dir_.File("r"), "--seed", "twelve"});
  EXPECT_EQ(seed.exit_code, 2);
  EXPECT_EQ(seed.err, "clusterpilot report: --seed \"twelve\": not a whole number\n");
  EXPECT_FALSE(fs::exists(dir_.File("r")));
}

TEST_F(ReportCommandTest, BadTariffsAreRefusedAndNothingIsWritten) {
  std::string tariffs = PlausibleTariffCsv();
  tariffs.replace(tariffs.find("\n7;"), 3, "\n7;-");  // a negative low tariff for cluster 7
  WriteFile(dir_.File("bad-tariffs.csv"), tariffs);
  const std::string out = dir_.File("reports/2026-10");
  CommandOutcome outcome =
      Report({"--month", "2026-10", "--tariffs", dir_.File("bad-tariffs.csv"), "--out", out});
  EXPECT_EQ(outcome.exit_code, 1);
  const size_t value = tariffs.find("\n7;") + 3;
  EXPECT_EQ(outcome.err, "clusterpilot report: " + dir_.File("bad-tariffs.csv") +
                             ":8: tariff_low \"" +
                             tariffs.substr(value, tariffs.find(';', value) - value) +
                             "\": a tariff cannot be negative\n");
  EXPECT_FALSE(fs::exists(dir_.File("reports")));
  EXPECT_EQ(outcome.out, "");
}

TEST_F(ReportCommandTest, BadRevenueIsRefusedAndAnEarlierReportStays) {
  const std::string out = dir_.File("report");
  ASSERT_EQ(
      Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", out}).exit_code,
      0);
  const std::string earlier = ReadFile(out + "/report.json");
  WriteFile(
      dir_.File("bad-revenue.csv"),
      "patient;department;month;amount\nP1;Department A;2026-10;10\nP2;Department Q;2026-10;10\n");
  CommandOutcome outcome = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"),
                                   "--revenue", dir_.File("bad-revenue.csv"), "--out", out});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err.rfind(
                "clusterpilot report: " + dir_.File("bad-revenue.csv") +
                    ":3: department \"Department Q\": not a department in the store (known: "
                    "Department A, ",
                0),
            0u)
      << outcome.err;
  EXPECT_EQ(ReadFile(out + "/report.json"), earlier);
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(dir_.path()))
    entries += entry.is_directory() ? 1 : 0;
  EXPECT_EQ(entries, 1) << "no staging folder left behind";
}

TEST_F(ReportCommandTest, SuppressionThresholdComesFromTheSettings) {
  WriteFile(dir_.File("clusterpilot.properties"),
            "report.suppress_below = 10\nreport.monte_carlo_draws = 500\n");
  const std::string out = dir_.File("r10");
  CommandOutcome outcome = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"),
                                   "--out", out, "--config", dir_.File("clusterpilot.properties")});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(ReadFile(out + "/distribution.csv").find(";<10"), std::string::npos);
  EXPECT_EQ(ReadFile(out + "/distribution.csv").find(";<5"), std::string::npos);
  const std::string json = ReadFile(out + "/report.json");
  EXPECT_NE(json.find("\"draws\": 500"), std::string::npos) << json.substr(0, 600);
  WriteFile(dir_.File("bad.properties"), "report.suppress_below = 1\n");
  CommandOutcome bad = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out",
                               out, "--config", dir_.File("bad.properties")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "clusterpilot report: setting report.suppress_below must be at least 2\n");
  WriteFile(dir_.File("bad.properties"), "report.price_correlation = 1.5\n");
  bad = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", out,
                "--config", dir_.File("bad.properties")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "clusterpilot report: setting report.price_correlation must be between 0 and 1\n");
  WriteFile(dir_.File("bad.properties"), "report.valid_rating_months = 0\n");
  bad = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", out,
                "--config", dir_.File("bad.properties")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "clusterpilot report: setting report.valid_rating_months must be between 1 and 120\n");
}

TEST_F(ReportCommandTest, NeverOverwritesAFolderThatIsNotAReport) {
  WriteFile(dir_.File("notes.txt"), "mine");
  CommandOutcome outcome =
      Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", dir_.path()});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "clusterpilot report: " + dir_.path() +
                ": holds other files and is not an earlier report; choose a new or empty "
                "folder for --out\n");
  EXPECT_EQ(ReadFile(dir_.File("notes.txt")), "mine");
}

TEST(DemoCommandTest, RunsTheWholeChainAndCanRunAgain) {
  ScopedTempDir dir;
  const std::string out = dir.File("demo");
  for (int run = 0; run < 2; ++run) {
    CommandOutcome outcome = RunClusterpilot({"demo", "--out", out});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_NE(
        outcome.out.find("1. generated a synthetic institution: 5.000 patients in 7 departments"),
        std::string::npos)
        << outcome.out;
    EXPECT_NE(outcome.out.find("open " + out + "/report/report.html"), std::string::npos)
        << outcome.out;
  }
  const std::string html = ReadFile(out + "/report/report.html");
  EXPECT_NE(html.find("Psychosomatiek"), std::string::npos);
  EXPECT_NE(ReadFile(out + "/tariffs.csv").find("ILLUSTRATIVE TARIFFS FOR THE DEMO ONLY"),
            std::string::npos);
  const std::string activity = ReadFile(out + "/report/activity.csv");
  EXPECT_NE(activity.find("Institution;"), std::string::npos);
  EXPECT_EQ(activity.find("Institution;0;"), std::string::npos) << activity;
  const std::string fit = ReadFile(out + "/report/fit_ranking.csv");
  EXPECT_NE(fit.find("Psychosomatiek"), std::string::npos) << "the model fits psychosomatics worst";
  const std::string overrides = ReadFile(out + "/report/overrides.csv");
  EXPECT_EQ(overrides.find("Institution;0;"), std::string::npos) << overrides;

  fs::create_directories(dir.File("other"));
  WriteFile(dir.File("other/thesis.docx"), "precious");
  CommandOutcome refused = RunClusterpilot({"demo", "--out", dir.File("other")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err,
            "clusterpilot demo: " + dir.File("other") +
                ": holds other files and is not an earlier demo; choose a new folder with --out\n");
}

}  // namespace
}  // namespace clusterpilot
