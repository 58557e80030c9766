// End-to-end tests of `clusterpilot classify` on real stores.
#include <gtest/gtest.h>

#include "classifier/default_model.h"
#include "classifier/io/cluster_model_writer.h"
#include "store/audit_log.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const char kBuiltIn[] =
    "model: \"clusterpilot illustrative model\" version 2 (built-in; ILLUSTRATIVE, not the "
    "official NZa model)\n";

// Three measurements: a typical severe non-psychotic patient, severe
// hallucinations with a non-psychotic choice, and one with 9 unknown items.
std::vector<Measurement> ThreePatients() {
  std::vector<Measurement> measurements = {
      MakeMeasurement(
          "P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic,
          {{2, 2}, {6, 1}, {7, 4}, {8, 3}, {9, 3}, {10, 3}, {11, 2}, {12, 3}, {15, 2}, {18, 2}}),
      MakeMeasurement("P2", "Volwassenen", "2026-03-09", Supercluster::kNonPsychotic,
                      {{6, 4}, {7, 2}}),
      MakeMeasurement("P3", "Ouderen", "2026-03-16", Supercluster::kNonPsychotic, {{7, 2}})};
  for (int item = 10; item < kItemCount; ++item) measurements[2].ratings[item] = kUnknownRating;
  return measurements;
}

int64_t Count(const std::string& db, const std::string& sql) {
  auto store = Store::Open(db).value();
  SqlStatement count(*store, sql);
  count.Step();
  return count.Int(0);
}

class ClassifyCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    measurements_ = ThreePatients();
    SeedMeasurementsAt(db_, &measurements_);
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
  std::vector<Measurement> measurements_;
};

TEST_F(ClassifyCommandTest, ClassifiesEveryMeasurementOnceAndSummarises) {
  CommandOutcome first = RunClusterpilot({"classify", "--db", db_, "--by", "finance"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, std::string(kBuiltIn) +
                           "classified: 3 measurements\n"
                           "skipped: 0 (already classified by this model)\n"
                           "no cluster: 1 (every cluster of the chosen supercluster excluded)\n"
                           "flags: ambiguous 0, atypical 1, no_fit 1, supercluster_conflict 1, "
                           "insufficient_data 1\n");
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM classification"), 3);
  EXPECT_EQ(Count(db_, "SELECT cluster FROM classification WHERE measurement_id = " +
                           std::to_string(measurements_[0].id)),
            4);

  CommandOutcome second = RunClusterpilot({"classify", "--db", db_, "--by", "finance"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("classified: 0 measurements\nskipped: 3"), std::string::npos)
      << second.out;
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM classification"), 3);

  auto store = Store::Open(db_).value();
  auto log = ReadAuditLog(*store).value();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].user, "finance");
  EXPECT_EQ(log[0].action, "classify");
  EXPECT_EQ(log[0].object, "3 measurements with model clusterpilot illustrative model 2");
}

TEST_F(ClassifyCommandTest, ANewModelVersionClassifiesAgainAndKeepsEarlierResults) {
  ASSERT_EQ(RunClusterpilot({"classify", "--db", db_}).exit_code, 0);
  ClusterModelDefinition definition = DefaultClusterModel().definition();
  definition.version = "3";
  definition.clusters[0].constant = 1;
  WriteFile(dir_.File("v2.xml"), WriteClusterModel(ClusterModel::Compile(definition).value()));
  CommandOutcome outcome =
      RunClusterpilot({"classify", "--db", db_, "--model", dir_.File("v2.xml")});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("model: \"clusterpilot illustrative model\" version 3 (" +
                             dir_.File("v2.xml") + ")\nclassified: 3 measurements\nskipped: 0"),
            std::string::npos)
      << outcome.out;
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM classification"), 6);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM cluster_model"), 2);
}

TEST_F(ClassifyCommandTest, AChangedModelUnderAnOldVersionIsRefusedAndNothingIsStored) {
  ASSERT_EQ(RunClusterpilot({"classify", "--db", db_}).exit_code, 0);
  ClusterModelDefinition definition = DefaultClusterModel().definition();
  definition.clusters[0].constant = 1;  // same name and version, other content
  WriteFile(dir_.File("same.xml"), WriteClusterModel(ClusterModel::Compile(definition).value()));
  CommandOutcome outcome =
      RunClusterpilot({"classify", "--db", db_, "--model", dir_.File("same.xml")});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "clusterpilot classify: " + db_ +
                ": model \"clusterpilot illustrative model 2\": this store already has results of "
                "a different model with the same name and version; give the changed model a new "
                "version\n");
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM classification"), 3);
}

TEST_F(ClassifyCommandTest, ABrokenModelFileIsReportedWithItsPlace) {
  WriteFile(dir_.File("bad.xml"),
            "<cluster-model xmlns=\"urn:clusterpilot:cluster-model:1\" name=\"x\" version=\"1\">\n"
            "  <supercluster code=\"X\">\n    <cluster number=\"23\"><coefficients/></cluster>\n"
            "  </supercluster>\n</cluster-model>\n");
  CommandOutcome outcome =
      RunClusterpilot({"classify", "--db", db_, "--model", dir_.File("bad.xml")});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "clusterpilot classify: " + dir_.File("bad.xml") +
                ":3:26: number \"23\": not a care cluster number (1-21; 9 is unused)\n");
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM classification"), 0);
}

TEST_F(ClassifyCommandTest, TheModelAndTheUnknownItemLimitCanComeFromTheSettingsFile) {
  ClusterModelDefinition definition = DefaultClusterModel().definition();
  definition.version = "settings";
  WriteFile(dir_.File("m.xml"), WriteClusterModel(ClusterModel::Compile(definition).value()));
  WriteFile(dir_.File("clusterpilot.properties"),
            "classifier.model = " + dir_.File("m.xml") + "\nclassifier.max_unknown_items = 9\n");
  CommandOutcome outcome = RunClusterpilot({"classify", "--db", db_}, dir_.path());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("version settings"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("insufficient_data 0"), std::string::npos) << outcome.out;

  WriteFile(dir_.File("clusterpilot.properties"), "classifier.max_unknown_items = many\n");
  CommandOutcome bad = RunClusterpilot({"classify", "--db", db_}, dir_.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "clusterpilot classify: setting classifier.max_unknown_items = \"many\" is not a "
            "number\n");
}

// The way a pilot uses it: a generated export imported, classified and listed.
TEST(ClassifyCommandEndToEndTest, AnImportedExportIsClassifiedAndListed) {
  ScopedTempDir dir;
  const std::string db = dir.File("pilot.db");
  const std::string export_file = dir.File("export.csv");
  CommandOutcome generated = RunClusterpilot(
      {"generate", "--patients", "200", "--months", "2", "--seed", "3", "--out", export_file});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  CommandOutcome imported = RunClusterpilot({"import", "--db", db, export_file});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  CommandOutcome classified = RunClusterpilot({"classify", "--db", db, "--by", "finance"});
  ASSERT_EQ(classified.exit_code, 0) << classified.err;
  const int64_t stored = Count(db, "SELECT count(*) FROM measurement");
  ASSERT_GT(stored, 150);
  EXPECT_NE(classified.out.find("classified: " + std::to_string(stored) + " measurements\n"),
            std::string::npos)
      << classified.out;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM classification WHERE cluster IS NOT NULL OR flags > 0"),
            stored);

  CommandOutcome listed = RunClusterpilot({"assignments", "--db", db, "--by", "dr.jansen"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  size_t lines = 0;
  for (char c : listed.out) lines += c == '\n';
  EXPECT_EQ(lines, static_cast<size_t>(stored) + 1);
  auto log = ReadAuditLog(*Store::Open(db).value()).value();
  ASSERT_GE(log.size(), 3u);
  EXPECT_EQ(log[log.size() - 2].action, "classify");
  EXPECT_EQ(log.back().action, "read assignments");
}

TEST(ClassifyCommandErrorsTest, AMissingStoreIsRefused) {
  ScopedTempDir dir;
  CommandOutcome outcome = RunClusterpilot({"classify", "--db", dir.File("none.db")});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err, "clusterpilot classify: " + dir.File("none.db") +
                             ": no store here yet; import an export first (clusterpilot import "
                             "--db " +
                             dir.File("none.db") + " FILE)\n");
}

}  // namespace
}  // namespace clusterpilot
