// One store and one running server shared by the web tests of a binary: two
// departments, measurements whose patient, department and clinician are XSS
// strings, one account per role, and the server on a free loopback port,
// writing reports with the demo tariffs into the test's folder.
#ifndef CLUSTERPILOT_TESTS_WEB_WEB_TEST_ENVIRONMENT_H_
#define CLUSTERPILOT_TESTS_WEB_WEB_TEST_ENVIRONMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/language.h"
#include "store/web_user_table.h"
#include "tests/support/temp_dir.h"
#include "web/http_server.h"

namespace clusterpilot {

// What an attacker might type as a name; every page must show it escaped.
inline constexpr const char* kScriptText = "<script>alert(1)</script>";
inline constexpr const char* kImageText = "\"><img src=x onerror=alert(2)>";

// Department A's name is an XSS string; B is plain.
inline const std::string kDepartmentA = std::string("A") + kImageText;
inline const std::string kDepartmentB = "Ouderen";
inline constexpr const char* kPassword = "correct horse battery staple";
// The server's limit on an uploaded export in these tests.
inline constexpr int64_t kUploadLimitBytes = 256 * 1024;

class WebTestEnvironment {
 public:
  // Builds the store and starts the server; fails the test on any error.
  // The tests change the store from outside the server (aged sessions, new
  // months), so by default it reads sessions and the report-inputs stamp on
  // every request: serve.recheck_seconds 0 (web/recent_reads.h).
  explicit WebTestEnvironment(int recheck_seconds = 0);

  const std::string& store_path() const { return store_path_; }
  int port() const { return server_->port(); }
  // A flagged, classified measurement of department A (patient kScriptText)
  // and one of department B.
  int64_t measurement_a() const { return measurement_a_; }
  int64_t measurement_b() const { return measurement_b_; }

  // The account of each role used for the matrix: clinician of A, finance,
  // manager of A, admin.
  static std::string UserOf(WebRole role);

  // Adds a clinician of department A named `name`, for tests that spoil an
  // account (lockout, logout).
  void AddClinician(const std::string& name);

  // Adds an account with the role and departments, for tests of their own.
  void AddAccount(const std::string& name, WebRole role, std::vector<std::string> departments,
                  Language language = kDefaultLanguage);

  // Adds `count` measurements of `department` on `date` (patients
  // "<department>-<date>-1", ...), rated non-psychotic and classified as `cluster`
  // with `flags`; returns their ids.
  std::vector<int64_t> AddClassified(const std::string& department, const std::string& date,
                                     int count, uint32_t flags, int cluster = 3);

  // Stops the server and closes its store connections.
  void StopServer() { server_.reset(); }

 private:
  ScopedTempDir dir_;
  std::string store_path_;
  int64_t measurement_a_ = 0;
  int64_t measurement_b_ = 0;
  std::unique_ptr<WebServer> server_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_WEB_WEB_TEST_ENVIRONMENT_H_
