#include "tests/support/test_store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const char* ServerUrl() {
  const char* url = std::getenv("CLUSTERPILOT_TEST_POSTGRES_URL");
  return url != nullptr && url[0] != '\0' ? url : nullptr;
}

// The server URL with its database replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database) {
  const size_t authority = url.find("://") + 3;
  const size_t slash = url.find('/', authority);
  const size_t query = url.find('?', authority);
  const std::string head = url.substr(0, slash == std::string::npos ? query : slash);
  const std::string tail = query == std::string::npos ? "" : url.substr(query);
  return head + "/" + database + tail;
}

// Runs `sql` on the server's maintenance database; "" or libpq's message.
std::string RunOnServer(const std::string& sql) {
  const std::string maintenance = WithDatabase(ServerUrl(), "postgres");
  std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(maintenance.c_str()),
                                                          &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) return PQerrorMessage(connection.get());
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.c_str()),
                                                       &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    return PQresultErrorMessage(result.get());
  }
  return "";
}

// Drops this program's databases when it ends; FORCE ends connections a
// failed test left open.
class DropTestDatabases : public testing::Environment {
 public:
  void TearDown() override {
    for (const std::string& name : names) {
      (void)RunOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
  std::vector<std::string> names;
};

DropTestDatabases& Databases() {
  static DropTestDatabases* databases = [] {
    auto* environment = new DropTestDatabases;
    testing::AddGlobalTestEnvironment(environment);  // gtest owns it
    return environment;
  }();
  return *databases;
}

}  // namespace

bool TestsUsePostgresql() { return ServerUrl() != nullptr; }

std::string TestStoreLocation(const ScopedTempDir& dir) {
  if (!TestsUsePostgresql()) return dir.File("store.db");
  DropTestDatabases& databases = Databases();
  const std::string name =
      "cp_test_" + std::to_string(getpid()) + "_" + std::to_string(databases.names.size() + 1);
  const std::string problem = RunOnServer("CREATE DATABASE " + name);
  if (!problem.empty()) {
    ADD_FAILURE() << "cannot create test database " << name << ": " << problem;
    return dir.File("store.db");
  }
  databases.names.push_back(name);
  return WithDatabase(ServerUrl(), name);
}

std::string TestStoreLocationOf(const ScopedTempDir& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::string> locations;  // folder -> store
  std::lock_guard<std::mutex> lock(mutex);
  auto found = locations.find(dir.path());
  if (found == locations.end()) {
    found = locations.emplace(dir.path(), TestStoreLocation(dir)).first;
  }
  return found->second;
}

}  // namespace clusterpilot
