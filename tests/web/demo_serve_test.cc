// `bash scripts/demo.sh --serve` as the README gives it (with the built
// binary instead of a fresh build, and a free port): it starts the server,
// prints its address and one account per role with a password, those
// accounts log in over HTTP and land on their role's page, and the server
// stops with the script.
#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>

#include "tests/support/temp_dir.h"
#include "tests/web/web_test_client.h"

namespace clusterpilot {
namespace {

TEST(DemoServeTest, StartsPrintsTheAccountsAndTheyLogIn) {
  ScopedTempDir dir;
  Poco::Pipe out;
  Poco::Process::Env env;
  env["CLUSTERPILOT_BINARY"] = CLUSTERPILOT_BINARY;
  env["CLUSTERPILOT_LISTEN"] = "127.0.0.1:0";
  Poco::ProcessHandle script = Poco::Process::launch(
      "bash",
      {std::string(CLUSTERPILOT_SOURCE_DIR) + "/scripts/demo.sh", "--serve", dir.File("demo")},
      dir.path(), nullptr, &out, nullptr, env);
  Poco::PipeInputStream printed(out);
  std::map<std::string, std::string> passwords;  // account -> password
  int port = 0;
  const std::regex account(R"(^  (demo-[a-z]+)  (\S+)$)");
  const std::regex address(R"(listening on http://127\.0\.0\.1:(\d+)/)");
  std::string line;
  while (port == 0 && std::getline(printed, line)) {
    std::smatch match;
    if (std::regex_search(line, match, account)) passwords[match[1]] = match[2];
    if (std::regex_search(line, match, address)) port = std::stoi(match[1]);
  }
  ASSERT_NE(port, 0) << "no address printed";
  const std::map<std::string, std::string> homes = {{"demo-clinician", "/worklist"},
                                                    {"demo-finance", "/departments"},
                                                    {"demo-manager", "/departments"},
                                                    {"demo-admin", "/admin/users"}};
  ASSERT_EQ(passwords.size(), homes.size());
  for (const auto& [name, home] : homes) {
    WebTestClient client(port);
    const HttpReply login = client.TryLogin(name, passwords.at(name));
    EXPECT_EQ(login.status, 200) << name << ": " << login.body;
    EXPECT_NE(login.body.find("\"home\":\"" + home + "\""), std::string::npos) << login.body;
    EXPECT_EQ(client.Get(home).status, 200) << name;
    EXPECT_FALSE(WebTestClient(port).Login(name, "not-" + passwords.at(name))) << name;
  }
  Poco::Process::requestTermination(script.id());
  EXPECT_EQ(script.wait(), 0);  // serve ends cleanly on SIGTERM
  WebTestClient after(port);
  EXPECT_THROW(after.Get("/login"), Poco::Exception);
}

}  // namespace
}  // namespace clusterpilot
