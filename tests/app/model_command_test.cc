// End-to-end tests of `clusterpilot model`.
#include <gtest/gtest.h>

#include "classifier/io/cluster_model_reader.h"
#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

class ModelCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string coefficients = "vraag;antwoord;zorgvraagtype;coefficient\n";
    for (const char* type : {"ZT04", "ZT05"}) {
      for (int answer = 0; answer <= 4; ++answer) {
        coefficients += std::string("HV07;") + std::to_string(answer) + ";" + type + ";" +
                        (std::string(type) == "ZT04" ? "0," : "-0,") + std::to_string(answer) +
                        "\n";
      }
    }
    WriteFile(dir_.File("coefficients.csv"), coefficients + "HV07;9;ZT04;0\n");
    WriteFile(dir_.File("constants.csv"), "zorgvraagtype;constante\nZT04;-1,5\nZT05;0,5\n");
    WriteFile(dir_.File("red-rules.csv"),
              "vraag;antwoord;vraag 2;antwoord 2;zorgvraagtype\nHV07;0;;;ZT05\n");
  }

  CommandOutcome Import(const std::string& out) {
    return RunClusterpilot({"model", "import", "--coefficients", dir_.File("coefficients.csv"),
                            "--constants", dir_.File("constants.csv"), "--red-rules",
                            dir_.File("red-rules.csv"), "--version", "2026", "--out", out});
  }

  ScopedTempDir dir_;
};

TEST_F(ModelCommandTest, ImportsTheNzaTablesIntoAModelFile) {
  CommandOutcome outcome = Import(dir_.File("nza.xml"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, "wrote " + dir_.File("nza.xml") +
                             ": model \"NZa\" version 2026, 2 clusters, 1 red rules\n");
  EXPECT_EQ(outcome.err, "clusterpilot model: warning: " + dir_.File("coefficients.csv") +
                             ":12: answer 9 (not known) skipped: an unknown answer contributes "
                             "nothing in this model\n");
  Result<ClusterModel> model = ReadClusterModelFile(dir_.File("nza.xml"));
  ASSERT_TRUE(model.ok()) << model.error().ToString();
  EXPECT_DOUBLE_EQ(model.value().cluster(0).constant, -1.5);
  EXPECT_DOUBLE_EQ(model.value().cluster(0).coefficients[6][3], 0.3);

  CommandOutcome show = RunClusterpilot({"model", "show", "--model", dir_.File("nza.xml")});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("4;X;coefficients;-1.5;"), std::string::npos) << show.out;
}

TEST_F(ModelCommandTest, AGapInTheTablesIsRefusedAndNoFileIsWritten) {
  WriteFile(dir_.File("constants.csv"), "zorgvraagtype;constante\nZT04;-1,5\n");
  CommandOutcome outcome = Import(dir_.File("nza.xml"));
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err, "clusterpilot model: " + dir_.File("constants.csv") +
                             ": zorgvraagtype \"ZT05\": no constant (ZT05 has coefficients in " +
                             dir_.File("coefficients.csv") + ")\n");
  EXPECT_EQ(ReadFile(dir_.File("nza.xml")), "");
}

TEST_F(ModelCommandTest, MissingOptionsAndUnknownActionsAreUsageErrors) {
  CommandOutcome missing = RunClusterpilot({"model", "import", "--out", dir_.File("m.xml")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(
      missing.err.rfind("clusterpilot model: --coefficients is required; use `model import", 0), 0u)
      << missing.err;
  EXPECT_EQ(RunClusterpilot({"model", "frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunClusterpilot({"model"}).exit_code, 2);
  CommandOutcome unreadable =
      RunClusterpilot({"model", "import", "--coefficients", dir_.File("absent.csv"), "--constants",
                       dir_.File("constants.csv"), "--red-rules", dir_.File("red-rules.csv"),
                       "--out", dir_.File("m.xml")});
  EXPECT_EQ(unreadable.exit_code, 1);
  EXPECT_EQ(unreadable.err,
            "clusterpilot model: " + dir_.File("absent.csv") + ": cannot be opened\n");
}

TEST_F(ModelCommandTest, WritesAndShowsTheBuiltInModel) {
  CommandOutcome written = RunClusterpilot({"model", "default", "--out", dir_.File("d.xml")});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(ReadFile(dir_.File("d.xml")),
            ReadFile(std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/default-cluster-model.xml"));
  CommandOutcome show = RunClusterpilot({"model", "show"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("(built-in; ILLUSTRATIVE, not the official NZa model)"),
            std::string::npos);
  EXPECT_NE(show.out.find("\n21;Z;profile;0;"), std::string::npos) << show.out;
}

}  // namespace
}  // namespace clusterpilot
