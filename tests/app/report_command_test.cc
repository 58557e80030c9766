// End-to-end tests of `clusterpilot report` and `clusterpilot demo`: the real
// binary on real stores and files.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/audit_log.h"
#include "store/sql_statement.h"
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

// `--revenue` once per file: the trends show today's revenue of each month
// a file covers; a month in two files stops the report, naming both.
TEST_F(ReportCommandTest, TakesSeveralRevenueFiles) {
  WriteFile(dir_.File("september.csv"),
            "patient;department;month;amount\nP100002;Department A;2026-09;100,00\n");
  const std::string out = dir_.File("report");
  CommandOutcome outcome =
      Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--revenue",
              dir_.File("revenue.csv"), "--revenue", dir_.File("september.csv"), "--out", out});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string trends = ReadFile(out + "/trend_revenue.csv");
  EXPECT_NE(trends.find("Department A \xC2\xB7 2026-09;"), std::string::npos) << trends;
  for (const char* month : {"2026-09", "2026-10"}) {
    const size_t row = trends.find("Department A \xC2\xB7 " + std::string(month) + ";");
    ASSERT_NE(row, std::string::npos) << month;
    const std::string line = trends.substr(row, trends.find('\n', row) - row);
    EXPECT_EQ(line.find(";;"), std::string::npos) << "covered, so no empty revenue: " << line;
  }
  WriteFile(dir_.File("again.csv"),
            "patient;department;month;amount\nP100003;Department A;2026-10;1,00\n");
  outcome = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--revenue",
                    dir_.File("revenue.csv"), "--revenue", dir_.File("again.csv"), "--out",
                    dir_.File("other")});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err, "clusterpilot report: " + dir_.File("again.csv") +
                             ":2: month \"2026-10\": this month is also in " +
                             dir_.File("revenue.csv") +
                             "; give each month in one revenue file only\n");
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

TEST_F(ReportCommandTest, LanguageComesFromTheSettings) {
  const std::string dutch = dir_.File("nl");
  ASSERT_EQ(Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", dutch})
                .exit_code,
            0);
  EXPECT_NE(ReadFile(dutch + "/report.html")
                .find("<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                      "lang=\"nl\">"),
            std::string::npos);
  EXPECT_NE(ReadFile(dutch + "/activity.csv").find("Afdeling;Patiënten;Metingen;"),
            std::string::npos);
  WriteFile(dir_.File("en.properties"), "report.language = en\n");
  const std::string english = dir_.File("en");
  CommandOutcome outcome = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"),
                                   "--out", english, "--config", dir_.File("en.properties")});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(ReadFile(english + "/activity.csv").find("Department;Patients;Measurements;"),
            std::string::npos);
  WriteFile(dir_.File("fr.properties"), "report.language = fr\n");
  CommandOutcome bad = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out",
                               dir_.File("fr"), "--config", dir_.File("fr.properties")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "clusterpilot report: setting report.language \"fr\": write nl (Dutch) or en "
            "(English)\n");
  EXPECT_FALSE(fs::exists(dir_.File("fr")));
}

// Issue #10 item 4: `mkdir d; echo '{}' > d/report.json; echo x >
// d/thesis.docx; clusterpilot report ... --out d` once deleted thesis.docx.
TEST_F(ReportCommandTest, NeverOverwritesAFolderThatIsNotAReport) {
  const std::string d = dir_.File("d");
  fs::create_directories(d);
  WriteFile(d + "/report.json", "{}");
  WriteFile(d + "/thesis.docx", "x");
  CommandOutcome outcome =
      Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", d});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "clusterpilot report: " + d +
                ": holds \"report.json\", which is not part of a report clusterpilot "
                "wrote; nothing was changed; choose a new or empty folder for --out\n");
  EXPECT_EQ(ReadFile(d + "/thesis.docx"), "x");
  EXPECT_EQ(ReadFile(d + "/report.json"), "{}");

  // A report the tool wrote, with a thesis saved into it since.
  const std::string report = dir_.File("report");
  ASSERT_EQ(Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", report})
                .exit_code,
            0);
  WriteFile(report + "/thesis.docx", "x");
  CommandOutcome refused =
      Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"), "--out", report});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err,
            "clusterpilot report: " + report +
                ": holds \"thesis.docx\", which is not part of a report clusterpilot "
                "wrote; nothing was changed; choose a new or empty folder for --out\n");
  EXPECT_EQ(ReadFile(report + "/thesis.docx"), "x");
}

// Issue #10 item 9: a report of a month without data was written with exit 0.
TEST_F(ReportCommandTest, AMonthWithoutMeasurementsNamesTheMonthsThatHaveThem) {
  CommandOutcome outcome = Report(
      {"--month", "2027-01", "--tariffs", dir_.File("tariffs.csv"), "--out", dir_.File("r")});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "clusterpilot report: --month \"2027-01\": no measurements in this month; the store "
            "has measurements in 2026-08 to 2026-10\n");
  EXPECT_EQ(outcome.out, "");
  EXPECT_FALSE(fs::exists(dir_.File("r")));
}

// Issue #10 item 9: a misspelt setting was silently ignored.
TEST_F(ReportCommandTest, AnUnknownSettingNamesTheNearestKnownOne) {
  const std::string settings = dir_.File("clusterpilot.properties");
  WriteFile(settings, "# thresholds\nreport.monte_carlo_draws = 500\nreport.supress_below = 10\n");
  CommandOutcome outcome = Report({"--month", "2026-10", "--tariffs", dir_.File("tariffs.csv"),
                                   "--out", dir_.File("r"), "--config", settings});
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.err, "clusterpilot report: " + settings +
                             ":3: setting \"report.supress_below\": not a known setting; did you "
                             "mean \"report.suppress_below\"?\n");
  EXPECT_FALSE(fs::exists(dir_.File("r")));
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
  EXPECT_NE(activity.find("Instelling;"), std::string::npos);
  EXPECT_EQ(activity.find("Instelling;0;"), std::string::npos) << activity;
  const std::string fit = ReadFile(out + "/report/fit_ranking.csv");
  EXPECT_NE(fit.find("Psychosomatiek"), std::string::npos) << "the model fits psychosomatics worst";
  const std::string overrides = ReadFile(out + "/report/overrides.csv");
  EXPECT_EQ(overrides.find("Instelling;0;"), std::string::npos) << overrides;

  fs::create_directories(dir.File("other"));
  WriteFile(dir.File("other/thesis.docx"), "precious");
  CommandOutcome refused = RunClusterpilot({"demo", "--out", dir.File("other")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err,
            "clusterpilot demo: " + dir.File("other") +
                ": holds other files and is not an earlier demo; choose a new folder with --out\n");
}

// A clinician's "no cluster fits" is a patient of the month like any other:
// the disclosure audit once left that row out of the totals' meanings, and
// one such decision in the demo month made it refuse the whole report as
// contradicting itself.
TEST(DemoCommandTest, AClinicianDecidingNoClusterFitsStillGetsAReport) {
  ScopedTempDir dir;
  const std::string demo = dir.File("demo");
  ASSERT_EQ(RunClusterpilot({"demo", "--out", demo}).exit_code, 0);
  const std::string db = demo + "/clusterpilot.db";
  std::string id;
  std::string month;
  {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok());
    SqlStatement latest(*store.value(),
                        "SELECT id, substr(rating_date, 1, 7) FROM measurement "
                        "ORDER BY rating_date DESC, id LIMIT 1");
    ASSERT_TRUE(latest.Step());
    id = std::to_string(latest.Int(0));
    month = std::string(latest.Text(1));
  }
  const CommandOutcome decided =
      RunClusterpilot({"override", "--db", db, "--measurement", id, "--no-cluster", "--reason",
                       "past niet", "--by", "dr. Jansen"});
  ASSERT_EQ(decided.exit_code, 0) << decided.err;
  const std::string out = dir.File("report");
  const CommandOutcome report =
      RunClusterpilot({"report", "--db", db, "--month", month, "--tariffs", demo + "/tariffs.csv",
                       "--revenue", demo + "/revenue.csv", "--out", out, "--by", "finance"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string distribution = ReadFile(out + "/distribution.csv");
  const size_t row = distribution.find("Geen passend cluster (besluit behandelaar);");
  ASSERT_NE(row, std::string::npos) << distribution;
  const std::string line = distribution.substr(row, distribution.find_first_of("\r\n", row) - row);
  EXPECT_EQ(line.substr(line.rfind(';')), ";<5") << "the institution counts the patient: " << line;
}

}  // namespace
}  // namespace clusterpilot
