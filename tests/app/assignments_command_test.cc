// End-to-end tests of `clusterpilot assignments` and `clusterpilot override`.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <regex>

#include "store/audit_log.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

class AssignmentsCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    measurements_ = {
        MakeMeasurement(
            "P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic,
            {{2, 2}, {6, 1}, {7, 4}, {8, 3}, {9, 3}, {10, 3}, {11, 2}, {12, 3}, {15, 2}, {18, 2}}),
        MakeMeasurement("P2", "Volwassenen", "2026-03-09", Supercluster::kNonPsychotic,
                        {{6, 4}, {7, 2}}),
        MakeMeasurement("P3", "Ouderen", "2026-04-16", Supercluster::kOrganic,
                        {{4, 2}, {7, 1}, {8, 1}, {10, 1}})};
    SeedMeasurementsAt(db_, &measurements_);
    CommandOutcome classified = RunClusterpilot({"classify", "--db", db_});
    ASSERT_EQ(classified.exit_code, 0) << classified.err;
  }

  std::string Id(int index) const { return std::to_string(measurements_[index].id); }

  CommandOutcome Override(int index, const std::string& cluster, const std::string& reason,
                          const std::string& by) {
    return RunClusterpilot({"override", "--db", db_, "--measurement", Id(index), "--cluster",
                            cluster, "--reason", reason, "--by", by});
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
  std::vector<Measurement> measurements_;
};

// The cells of a CSV line without quoted cells (the classifier writes no ';').
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  for (size_t end; (end = line.find(';', start)) != std::string::npos; start = end + 1) {
    cells.push_back(line.substr(start, end - start));
  }
  cells.push_back(line.substr(start));
  return cells;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

TEST_F(AssignmentsCommandTest, ListsAMonthAsCsvForDutchExcel) {
  CommandOutcome outcome =
      RunClusterpilot({"assignments", "--db", db_, "--month", "2026-03", "--by", "dr.jansen"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  ASSERT_EQ(outcome.out.rfind("\xEF\xBB\xBF", 0), 0u);  // UTF-8 BOM
  const std::vector<std::string> lines = Lines(outcome.out.substr(3));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "measurement;patient;department;date;clinician;supercluster;model;cluster;"
            "probability;probabilities;flags;flag_reasons;explanation;counterfactual;"
            "override_cluster;override_reason;override_by;override_at;final_cluster;"
            "override_decision;review_version");
  const std::string& first = lines[1];
  EXPECT_EQ(first.rfind(Id(0) + ";P1;Volwassenen;2026-03-02;dr. test;non-psychotic;"
                                "clusterpilot illustrative model 2;4;",
                        0),
            0u)
      << first;
  const std::vector<std::string> cells = Cells(first);
  ASSERT_EQ(cells.size(), 21u) << first;
  EXPECT_TRUE(std::regex_match(cells[8], std::regex("[01],[0-9]{4}"))) << cells[8];
  EXPECT_TRUE(std::regex_match(cells[9], std::regex("4: [01],[0-9]{4}( \\| [0-9]+: 0,[0-9]{4})*")))
      << cells[9];
  // Dutch unless report.language says otherwise.
  EXPECT_EQ(cells[12].rfind("cluster 4 vooral door HV15 voorgeschiedenis: herhaalde "
                            "zelfbeschadiging 2, HV07 depressieve stemming 4",
                            0),
            0u)
      << cells[12];
  EXPECT_TRUE(std::regex_match(
      cells[13], std::regex("als HV[01][0-9] [0-4] was in plaats van [0-4]"
                            "((, | en )HV[01][0-9] [0-4] was in plaats van [0-4])*, zou cluster "
                            "[0-9]+ het best passen")))
      << cells[13];
  // No override: final is the algorithm's, no decision, review version 0.
  EXPECT_EQ(first.substr(first.size() - 9), ";;;;;4;;0");
  const std::string& second = lines[2];
  EXPECT_NE(second.find(";;;;no_fit,supercluster_conflict;every non-psychotic cluster is "
                        "excluded by the red rules on HV06 hallucinations and delusions 4 | HV06 "
                        "hallucinations and delusions rated 4 but non-psychotic chosen: this "
                        "points to psychotic;geen cluster toegekend;;;;;;"),
            std::string::npos)
      << second;

  auto log = ReadAuditLog(*Store::Open(db_).value()).value();
  EXPECT_EQ(log.back().user, "dr.jansen");
  EXPECT_EQ(log.back().action, "read assignments");
  EXPECT_EQ(log.back().object,
            "assignments of month 2026-03, department all: 2 measurements of 2 patients");
}

// Issue #10 item 9: `--department volwassenen` (wrong case) once returned
// nothing with exit 0.
TEST_F(AssignmentsCommandTest, DepartmentsMatchWhateverTheirCaseAndAnUnknownOneIsAnError) {
  for (const char* typed : {"volwassenen", " VOLWASSENEN", "Volwassenen"}) {
    CommandOutcome outcome =
        RunClusterpilot({"assignments", "--db", db_, "--department", typed, "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    Poco::JSON::Parser parser;
    auto document = parser.parse(outcome.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(document->getValue<int>("count"), 2) << typed;
    EXPECT_EQ(document->getValue<std::string>("department"), "Volwassenen") << typed;
  }
  CommandOutcome unknown =
      RunClusterpilot({"assignments", "--db", db_, "--department", "Volwasenen"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err,
            "clusterpilot assignments: --department \"Volwasenen\": not a department in the "
            "store (known: Ouderen, Volwassenen)\n");
}

TEST_F(AssignmentsCommandTest, JsonCarriesTheSameFieldsForMachines) {
  ASSERT_EQ(Override(0, "5", "history of repeated self-harm", "dr.jansen").exit_code, 0);
  CommandOutcome outcome = RunClusterpilot(
      {"assignments", "--db", db_, "--department", "Volwassenen", "--format", "json"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  Poco::JSON::Parser parser;
  auto document = parser.parse(outcome.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(document->getValue<int>("count"), 2);
  EXPECT_EQ(document->getValue<std::string>("department"), "Volwassenen");
  auto list = document->getArray("assignments");
  ASSERT_EQ(list->size(), 2u);
  auto first = list->getObject(0);
  EXPECT_EQ(first->getValue<int64_t>("measurement"), measurements_[0].id);
  EXPECT_EQ(first->getValue<std::string>("patient"), "P1");
  EXPECT_EQ(first->getValue<std::string>("date"), "2026-03-02");
  EXPECT_EQ(first->getValue<std::string>("supercluster"), "non-psychotic");
  EXPECT_EQ(first->getObject("model")->getValue<std::string>("version"), "2");
  EXPECT_EQ(first->getValue<int>("cluster"), 4);
  const double probability = first->getValue<double>("probability");
  EXPECT_NEAR(first->getObject("probabilities")->getValue<double>("4"), probability, 1e-4);
  EXPECT_EQ(first->getArray("flags")->size(), first->getArray("flag_reasons")->size());
  EXPECT_EQ(first->getValue<std::string>("explanation").rfind("cluster 4 vooral door ", 0), 0u);
  EXPECT_EQ(first->getValue<std::string>("counterfactual").rfind("als HV", 0), 0u);
  EXPECT_TRUE(list->getObject(1)->isNull("counterfactual"));  // no cluster, so no runner-up
  auto over = first->getObject("override");
  ASSERT_FALSE(over.isNull());
  EXPECT_EQ(over->getValue<int>("cluster"), 5);
  EXPECT_EQ(over->getValue<std::string>("reason"), "history of repeated self-harm");
  EXPECT_EQ(over->getValue<std::string>("by"), "dr.jansen");
  EXPECT_EQ(first->getValue<int>("final_cluster"), 5);
  auto second = list->getObject(1);
  EXPECT_TRUE(second->isNull("cluster"));
  EXPECT_TRUE(second->isNull("override"));
  EXPECT_EQ(second->getArray("flags")->getElement<std::string>(0), "no_fit");
}

TEST_F(AssignmentsCommandTest, ExplanationsSpeakEnglishWhenTheReportDoes) {
  const std::string settings = dir_.File("clusterpilot.properties");
  WriteFile(settings, "report.language = en\n");
  CommandOutcome outcome = RunClusterpilot(
      {"assignments", "--db", db_, "--month", "2026-03", "--format", "json", "--config", settings});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  Poco::JSON::Parser parser;
  auto document = parser.parse(outcome.out).extract<Poco::JSON::Object::Ptr>();
  auto first = document->getArray("assignments")->getObject(0);
  EXPECT_EQ(
      first->getValue<std::string>("explanation")
          .rfind("cluster 4 mainly for HV15 history: repeat self-harm 2, HV07 depressed mood 4", 0),
      0u)
      << first->getValue<std::string>("explanation");
  EXPECT_TRUE(std::regex_match(first->getValue<std::string>("counterfactual"),
                               std::regex("if HV.* were [0-4] instead of [0-4].*, cluster [0-9]+ "
                                          "would fit best")))
      << first->getValue<std::string>("counterfactual");
}

TEST_F(AssignmentsCommandTest, WritesToAFileAndRefusesBadOptions) {
  CommandOutcome written =
      RunClusterpilot({"assignments", "--db", db_, "--out", dir_.File("list.csv")});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(written.out, "");
  EXPECT_EQ(Lines(ReadFile(dir_.File("list.csv"))).size(), 4u);
  CommandOutcome month = RunClusterpilot({"assignments", "--db", db_, "--month", "2026-3"});
  EXPECT_EQ(month.exit_code, 2);
  EXPECT_EQ(month.err,
            "clusterpilot assignments: --month \"2026-3\": not a month; write it as YYYY-MM, e.g. "
            "2026-03\n");
  CommandOutcome format = RunClusterpilot({"assignments", "--db", db_, "--format", "xlsx"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_EQ(format.err, "clusterpilot assignments: --format \"xlsx\": use csv or json\n");
}

TEST_F(AssignmentsCommandTest, AnOverrideIsStoredBesideTheAlgorithmAuditedAndShown) {
  CommandOutcome outcome = Override(0, "5", "history of repeated self-harm", "dr.jansen");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, "measurement " + Id(0) +
                             ": overridden to cluster 5 by dr.jansen (algorithm: 4; review 1)\n");
  CommandOutcome confirm = Override(2, "18", "fits", "dr.smit");
  ASSERT_EQ(confirm.exit_code, 0) << confirm.err;
  EXPECT_NE(confirm.out.find("confirmed cluster 18 by dr.smit (algorithm: 18; review 1)"),
            std::string::npos)
      << confirm.out;

  const std::string csv = RunClusterpilot({"assignments", "--db", db_}).out;
  const std::vector<std::string> lines = Lines(csv.substr(3));
  std::string p1;
  for (const std::string& line : lines) {
    if (line.find(";P1;") != std::string::npos) p1 = line;
  }
  EXPECT_NE(p1.find(";4;"), std::string::npos) << p1;  // the algorithm's cluster stays
  EXPECT_NE(p1.find(";5;history of repeated self-harm;dr.jansen;20"), std::string::npos) << p1;
  EXPECT_EQ(p1.substr(p1.size() - 14), ";5;cluster 5;1");

  auto log = ReadAuditLog(*Store::Open(db_).value()).value();
  bool audited = false;
  for (const AuditEntry& entry : log) {
    audited = audited || (entry.action == "override" && entry.user == "dr.jansen" &&
                          entry.object == "measurement " + Id(0) + ": cluster 5 (algorithm: 4)");
  }
  EXPECT_TRUE(audited);
}

// A reason or user typed into `override` reaches Excel as text, never as a
// formula (OWASP's leading ').
TEST_F(AssignmentsCommandTest, OverrideTextComesOutNeutralisedInTheCsv) {
  ASSERT_EQ(Override(0, "5", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)").exit_code, 0);
  ASSERT_EQ(Override(1, "5", "+cmd|' /C calc'!A0", "-2+3").exit_code, 0);
  const std::string csv = RunClusterpilot({"assignments", "--db", db_}).out;
  EXPECT_NE(csv.find(";5;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";'@SUM(1);20"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(";5;'+cmd|' /C calc'!A0;'-2+3;20"), std::string::npos) << csv;
}

TEST_F(AssignmentsCommandTest, AnOverrideToAClusterThatDoesNotExistOrIsNotInTheModelIsRefused) {
  CommandOutcome unknown = Override(0, "25", "why", "dr.jansen");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err,
            "clusterpilot override: --cluster \"25\": not a care cluster (1-8 or 10-21, or "
            "ZT01-ZT21; 9 is unused; --no-cluster when none fits)\n");
  EXPECT_EQ(Override(0, "9", "why", "dr.jansen").exit_code, 1);
  EXPECT_EQ(Override(0, "0", "why", "dr.jansen").exit_code, 1);

  WriteFile(dir_.File("x-only.xml"),
            "<cluster-model xmlns=\"urn:clusterpilot:cluster-model:1\" name=\"X only\" "
            "version=\"1\">\n  <supercluster code=\"X\">\n    <cluster number=\"4\">"
            "<coefficients/></cluster>\n    <cluster number=\"5\"><coefficients/></cluster>\n"
            "  </supercluster>\n</cluster-model>\n");
  // Measurement 0 was classified by the built-in model: another model is refused.
  CommandOutcome other =
      RunClusterpilot({"override", "--db", db_, "--measurement", Id(0), "--cluster", "4",
                       "--reason", "r", "--by", "dr.jansen", "--model", dir_.File("x-only.xml")});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_EQ(other.err, "clusterpilot override: measurement " + Id(0) +
                           " was classified by the model \"clusterpilot illustrative model\" "
                           "version 2; give that model's file with --model to check the cluster "
                           "against it (chosen now: \"X only\" version 1)\n");
  // Classified by X only, the measurement is checked against X only.
  ASSERT_EQ(
      RunClusterpilot({"classify", "--db", db_, "--model", dir_.File("x-only.xml")}).exit_code, 0);
  CommandOutcome outside = RunClusterpilot({"override", "--db", db_, "--measurement", Id(0),
                                            "--cluster", "10", "--reason", "psychosis", "--by",
                                            "dr.jansen", "--model", dir_.File("x-only.xml")});
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_EQ(outside.err,
            "clusterpilot override: cluster 10 is not in the model \"X only\" version 1 (its "
            "clusters: 4-5)\n");

  CommandOutcome missing = RunClusterpilot({"override", "--db", db_, "--measurement", "999",
                                            "--cluster", "4", "--reason", "r", "--by", "a"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err,
            "clusterpilot override: measurement \"999\": no such measurement in " + db_ + "\n");
  auto log = ReadAuditLog(*Store::Open(db_).value()).value();
  for (const AuditEntry& entry : log) EXPECT_NE(entry.action, "override");
}

TEST_F(AssignmentsCommandTest, AnOverrideNeedsAReasonAndWho) {
  CommandOutcome no_reason = Override(0, "5", " ", "dr.jansen");
  EXPECT_EQ(no_reason.exit_code, 2);
  EXPECT_EQ(no_reason.err,
            "clusterpilot override: --reason is required (`clusterpilot override --help`)\n");
  CommandOutcome no_by = RunClusterpilot(
      {"override", "--db", db_, "--measurement", Id(0), "--cluster", "5", "--reason", "r"});
  EXPECT_EQ(no_by.exit_code, 2);
  EXPECT_EQ(no_by.err,
            "clusterpilot override: --by is required (`clusterpilot override --help`)\n");
  CommandOutcome bad_id = RunClusterpilot({"override", "--db", db_, "--measurement", "P1",
                                           "--cluster", "5", "--reason", "r", "--by", "a"});
  EXPECT_EQ(bad_id.exit_code, 2);
  EXPECT_EQ(bad_id.err,
            "clusterpilot override: --measurement \"P1\": not a measurement id (the number in "
            "the first column of `assignments`)\n");
}

}  // namespace
}  // namespace clusterpilot
