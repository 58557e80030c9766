// End-to-end tests of the clusterpilot binary itself.
#include <gtest/gtest.h>

#include "app/command.h"
#include "app/command_table.h"
#include "store/audit_log.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

TEST(CommandLineTest, HelpListsEverySubcommand) {
  CommandOutcome outcome = RunClusterpilot({"--help"});
  EXPECT_EQ(outcome.exit_code, 0);
  for (const Command& command : AllCommands()) {
    EXPECT_NE(outcome.out.find(std::string("  ") + command.name), std::string::npos)
        << command.name;
  }
  for (const char* name :
       {"import", "classify", "model", "assignments", "override", "report", "generate", "demo"}) {
    EXPECT_NE(FindCommand(name), nullptr) << name;
  }
}

TEST(CommandLineTest, ImportHelpDocumentsItsOptions) {
  CommandOutcome outcome = RunClusterpilot({"import", "--help"});
  EXPECT_EQ(outcome.exit_code, 0);
  for (const char* option : {"--db", "--strict", "--rejects", "--by", "--config", "--help"}) {
    EXPECT_NE(outcome.out.find(option), std::string::npos) << option;
  }
  EXPECT_NE(outcome.out.find("clusterpilot import"), std::string::npos);
}

TEST(CommandLineTest, EverySubcommandHasHelp) {
  for (const Command& command : AllCommands()) {
    CommandOutcome outcome = RunClusterpilot({command.name, "--help"});
    EXPECT_EQ(outcome.exit_code, 0) << command.name;
    EXPECT_NE(outcome.out.find(command.description), std::string::npos) << command.name;
  }
}

TEST(CommandLineTest, VersionAndUsageErrors) {
  CommandOutcome version = RunClusterpilot({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("clusterpilot ", 0), 0u);
  CommandOutcome unknown = RunClusterpilot({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "clusterpilot: unknown command \"frobnicate\"; `clusterpilot --help` lists them\n");
  CommandOutcome bad_option = RunClusterpilot({"classify", "--frobnicate"});
  EXPECT_EQ(bad_option.exit_code, 2);
  EXPECT_NE(bad_option.err.find("frobnicate"), std::string::npos);
  EXPECT_EQ(RunClusterpilot({}).exit_code, 2);
}

TEST(CommandLineTest, AuditCommandShowsTheLogAndRecordsThatItWasRead) {
  ScopedTempDir dir;
  const std::string db = dir.File("s.db");
  {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(RecordAudit(*store.value(), "finance", "import", "batch 1").ok());
  }
  CommandOutcome outcome = RunClusterpilot({"audit", "--db", db, "--by", "auditor"});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find(";finance;"), std::string::npos);
  EXPECT_NE(outcome.out.find(";import;batch 1"), std::string::npos);
  auto store = Store::Open(db);
  auto entries = ReadAuditLog(*store.value());
  ASSERT_EQ(entries.value().size(), 2u);
  EXPECT_EQ(entries.value()[1].user, "auditor");
  EXPECT_EQ(entries.value()[1].action, "read audit log");
}

TEST(CommandLineTest, DefaultStoreIsInTheWorkingDirectory) {
  ScopedTempDir dir;
  CommandOutcome outcome = RunClusterpilot({"audit"}, dir.path());
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "clusterpilot audit: clusterpilot.db: no store here yet; import an export first "
            "(clusterpilot import --db clusterpilot.db FILE)\n");
}

TEST(CommandLineTest, SettingsFileWithABadNumberIsAUsageError) {
  ScopedTempDir dir;
  WriteFile(dir.File("clusterpilot.properties"), "report.suppress_below = many\n");
  CommandOutcome outcome =
      RunClusterpilot({"audit", "--config", dir.File("clusterpilot.properties")}, dir.path());
  // The audit command reads no numeric setting; the file itself must load.
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  CommandOutcome missing = RunClusterpilot({"audit", "--config", dir.File("nope.properties")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.properties: cannot read the settings file"), std::string::npos)
      << missing.err;
}

// The one range check of whole-number settings (serve.threads,
// report.monte_carlo_draws, ...): both ends allowed, the message names the
// setting and the range, a value that is no number keeps GetInt's message.
TEST(CommandLineTest, AWholeNumberSettingOutsideItsRangeIsNamed) {
  const Settings settings({{"low", "0"}, {"high", "61"}, {"edge", "60"}, {"word", "many"}});
  std::string error;
  EXPECT_EQ(settings.GetIntBetween("edge", 1, 0, 60, &error), 60);
  EXPECT_EQ(settings.GetIntBetween("low", 1, 0, 60, &error), 0);
  EXPECT_EQ(settings.GetIntBetween("missing", 7, 0, 60, &error), 7);
  EXPECT_EQ(error, "");
  settings.GetIntBetween("high", 1, 0, 60, &error);
  EXPECT_EQ(error, "setting high must be between 0 and 60");
  error.clear();
  settings.GetIntBetween("low", 1, 1, 1024, &error);
  EXPECT_EQ(error, "setting low must be between 1 and 1024");
  error.clear();
  settings.GetIntBetween("word", 1, 0, 60, &error);
  EXPECT_EQ(error, "setting word = \"many\" is not a number");
}

}  // namespace
}  // namespace clusterpilot
