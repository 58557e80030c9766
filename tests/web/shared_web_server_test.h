// A test suite whose tests share one WebTestEnvironment: the store and the
// running server are built once per suite (building them takes a second),
// and each test signs in the accounts it needs.
#ifndef CLUSTERPILOT_TESTS_WEB_SHARED_WEB_SERVER_TEST_H_
#define CLUSTERPILOT_TESTS_WEB_SHARED_WEB_SERVER_TEST_H_

#include <gtest/gtest.h>

#include <string>

#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"

namespace clusterpilot {

class SharedWebServerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() { environment_ = new WebTestEnvironment(); }
  static void TearDownTestSuite() {
    delete environment_;
    environment_ = nullptr;
  }

  static WebTestEnvironment& env() { return *environment_; }

  // A client signed in as the account `name` (password kPassword).
  static WebTestClient SignedIn(const std::string& name) {
    WebTestClient client(env().port());
    EXPECT_TRUE(client.Login(name, kPassword)) << name;
    return client;
  }

 private:
  static WebTestEnvironment* environment_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_WEB_SHARED_WEB_SERVER_TEST_H_
