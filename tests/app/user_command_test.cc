// `clusterpilot user` and the refusals of `clusterpilot serve`, through the
// real binary.
#include <gtest/gtest.h>

#include "store/store.h"
#include "store/web_user_table.h"
#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"
#include "web/password_hasher.h"

namespace clusterpilot {
namespace {

class UserCommandTest : public testing::Test {
 protected:
  CommandOutcome Run(std::vector<std::string> arguments, const std::string& input = "") {
    arguments.insert(arguments.begin() + 1, {"--db", db_});
    WriteFile(dir_.File("stdin"), input);
    return RunClusterpilot(arguments, dir_.path(), dir_.File("stdin"));
  }

  ScopedTempDir dir_;
  std::string db_ = dir_.File("s.db");
};

TEST_F(UserCommandTest, AddsListsChangesAndDisablesAccounts) {
  CommandOutcome added =
      Run({"user", "add", "--name", "jan", "--role", "clinician", "--department", "Ouderen,Acuut"},
          "geheim wachtwoord\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "user jan added (clinician)\n");
  {
    auto store = std::move(Store::Open(db_)).value();
    const WebUser jan = FindWebUser(*store, "jan").value().value();
    EXPECT_TRUE(VerifyPassword(jan.password_hash, "geheim wachtwoord"));
    EXPECT_EQ(jan.password_hash.rfind("$argon2id$", 0), 0u);
  }
  ASSERT_EQ(Run({"user", "password", "--name", "jan"}, "nieuw\n").exit_code, 0);
  ASSERT_EQ(Run({"user", "disable", "--name", "jan"}).exit_code, 0);
  CommandOutcome listed = Run({"user", "list"});
  EXPECT_EQ(listed.out,
            "name;role;departments;status;language\njan;clinician;Acuut,Ouderen;disabled;nl\n");
  auto store = std::move(Store::Open(db_)).value();
  EXPECT_TRUE(VerifyPassword(FindWebUser(*store, "jan").value()->password_hash, "nieuw"));
}

TEST_F(UserCommandTest, AnAccountReadsDutchUnlessSetToEnglish) {
  ASSERT_EQ(Run({"user", "add", "--name", "ann", "--role", "admin", "--language", "en"}, "pw\n")
                .exit_code,
            0);
  ASSERT_EQ(Run({"user", "add", "--name", "piet", "--role", "admin"}, "pw\n").exit_code, 0);
  CommandOutcome changed = Run({"user", "language", "--name", "piet", "--language", "EN"});
  EXPECT_EQ(changed.out, "user piet: language en\n");
  EXPECT_EQ(Run({"user", "language", "--name", "ann", "--language", "nl"}).exit_code, 0);
  EXPECT_EQ(Run({"user", "list"}).out,
            "name;role;departments;status;language\nann;admin;;active;nl\npiet;admin;;active;en\n");
  CommandOutcome refused = Run({"user", "language", "--name", "ann", "--language", "de"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err,
            "clusterpilot user: --language \"de\": schrijf nl (Nederlands) of en (English) / "
            "write nl or en\n");
  EXPECT_EQ(Run({"user", "language", "--name", "zoe", "--language", "en"}).err,
            "clusterpilot user: user \"zoe\": bestaat niet / no such user\n");
}

TEST_F(UserCommandTest, RefusesBadRolesEmptyPasswordsAndTakenNames) {
  EXPECT_EQ(Run({"user", "add", "--name", "x", "--role", "boss"}, "pw\n").err,
            "clusterpilot user: --role \"boss\": geen rol / not a role (clinician, finance, "
            "manager, admin)\n");
  EXPECT_EQ(Run({"user", "add", "--name", "x", "--role", "manager"}, "pw\n").err,
            "clusterpilot user: --department is required for a clinician or manager\n");
  CommandOutcome empty = Run({"user", "add", "--name", "x", "--role", "admin"}, "\n");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.err, "clusterpilot user: password: leeg / empty\n");
  ASSERT_EQ(Run({"user", "add", "--name", "x", "--role", "admin"}, "pw\n").exit_code, 0);
  EXPECT_EQ(Run({"user", "add", "--name", "x", "--role", "admin"}, "pw\n").err,
            "clusterpilot user: user \"x\": bestaat al / already exists\n");
  EXPECT_EQ(Run({"user", "disable", "--name", "y"}).err,
            "clusterpilot user: user \"y\": bestaat niet / no such user\n");
}

TEST_F(UserCommandTest, ServeRefusesPlainHttpBeyondLoopback) {
  ASSERT_EQ(Run({"user", "add", "--name", "x", "--role", "admin"}, "pw\n").exit_code, 0);
  CommandOutcome refused = Run({"serve", "--listen", "0.0.0.0:0"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err,
            "clusterpilot serve: --listen \"0.0.0.0\": niet-loopback zonder TLS geweigerd / not "
            "loopback and no TLS: set serve.certificate and serve.key, or give "
            "--allow-plain-http behind a TLS-terminating proxy\n");
  EXPECT_EQ(Run({"serve", "--listen", "localhost"}).err,
            "clusterpilot serve: --listen \"localhost\": schrijf ADRES:POORT / write "
            "ADDRESS:PORT, e.g. 127.0.0.1:8080\n");
}

TEST_F(UserCommandTest, ServeRefusesAThreadCountOutOfRange) {
  WriteFile(dir_.File("clusterpilot.properties"), "serve.threads = 0\n");
  CommandOutcome refused = Run({"serve", "--config", dir_.File("clusterpilot.properties")});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err, "clusterpilot serve: setting serve.threads must be between 1 and 1024\n");
}

// A window past a minute would let an account disabled on the command line
// go on working that long.
TEST_F(UserCommandTest, ServeRefusesARecheckWindowOutOfRange) {
  for (const char* seconds : {"-1", "61"}) {
    WriteFile(dir_.File("clusterpilot.properties"),
              std::string("serve.recheck_seconds = ") + seconds + "\n");
    CommandOutcome refused = Run({"serve", "--config", dir_.File("clusterpilot.properties")});
    EXPECT_EQ(refused.exit_code, 2) << seconds;
    EXPECT_EQ(refused.err,
              "clusterpilot serve: setting serve.recheck_seconds must be between 0 and 60\n");
  }
}

}  // namespace
}  // namespace clusterpilot
