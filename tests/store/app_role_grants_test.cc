// Database-enforced audit: with the GRANTs applied, the application's role
// can append to the audit log and read it, but not change or remove an
// entry, even by SQL of its own. Runs against PostgreSQL only (the SQLite
// store's triggers are tested in audit_log_test.cc).
#include "store/app_role_grants.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "store/audit_log.h"
#include "store/audit_log_chain.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

// `url` with its user replaced: postgresql://USER@... -> postgresql://role@...
std::string AsRole(const std::string& url, const std::string& role) {
  const size_t start = url.find("://") + 3;
  return url.substr(0, start) + role + url.substr(url.find('@', start));
}

TEST(AppRoleGrantsTest, ARoleNameOutsideLettersDigitsAndUnderscoreIsRefused) {
  ScopedTempDir dir;
  auto store = Store::Open(dir.File("store.db"));
  ASSERT_TRUE(store.ok());
  auto grants = AppRoleGrants(*store.value(), "app\"; DROP TABLE audit_log; --");
  ASSERT_FALSE(grants.ok());
  EXPECT_EQ(grants.error().ToString(),
            "--role \"app\"; DROP TABLE audit_log; --\": not a role name this command writes "
            "into GRANTs; use letters, digits and _ (at most 63, not starting with a digit)");
}

TEST(AppRoleGrantsTest, TheAuditLogGetsSelectAndInsertOnly) {
  ScopedTempDir dir;
  auto store = Store::Open(dir.File("store.db"));
  ASSERT_TRUE(store.ok());
  auto grants = AppRoleGrants(*store.value(), "pilot_app");
  ASSERT_TRUE(grants.ok()) << grants.error().ToString();
  const std::vector<std::string>& statements = grants.value();
  ASSERT_EQ(statements.size(), 18u);
  EXPECT_EQ(statements[0], "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM \"pilot_app\"");
  EXPECT_EQ(statements[12], "GRANT SELECT, INSERT ON \"audit_log\" TO \"pilot_app\"");
  EXPECT_EQ(statements[3],
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \"measurement\" TO \"pilot_app\"");
}

TEST(AppRoleGrantsTest, TheAppRoleCannotChangeOrRemoveAnEntryAndTheChainVerifies) {
  if (!TestsUsePostgresql()) GTEST_SKIP() << "needs CLUSTERPILOT_TEST_POSTGRES_URL";
  ScopedTempDir dir;
  const std::string url = TestStoreLocation(dir);
  const std::string role = "pilot_app_" + std::to_string(getpid());
  {
    auto owner = Store::Open(url);
    ASSERT_TRUE(owner.ok()) << owner.error().ToString();
    std::vector<Measurement> measurements = {
        MakeMeasurement("P1", "Volwassenen", "2026-03-02", Supercluster::kNonPsychotic, {})};
    SeedMeasurements(*owner.value(), &measurements);
    ASSERT_TRUE(RecordAudit(*owner.value(), "dba", "setup", "store").ok());
    ASSERT_TRUE(owner.value()->Execute("CREATE ROLE " + role + " LOGIN").ok());
    auto grants = AppRoleGrants(*owner.value(), role);
    ASSERT_TRUE(grants.ok()) << grants.error().ToString();
    Status applied = ApplyAppRoleGrants(*owner.value(), grants.value());
    ASSERT_TRUE(applied.ok()) << applied.error().ToString();
  }
  auto app = Store::Open(AsRole(url, role), Store::OpenMode::kMustExist);
  ASSERT_TRUE(app.ok()) << app.error().ToString();
  Status appended = RecordAudit(*app.value(), "dr.visser", "read", "patient P1");
  ASSERT_TRUE(appended.ok()) << appended.error().ToString();
  Status updated = app.value()->Execute("UPDATE audit_log SET object = 'nothing' WHERE id = 1");
  ASSERT_FALSE(updated.ok());
  EXPECT_NE(updated.error().message.find("permission denied for table audit_log"),
            std::string::npos)
      << updated.error().ToString();
  Status deleted = app.value()->Execute("DELETE FROM audit_log");
  ASSERT_FALSE(deleted.ok());
  EXPECT_NE(deleted.error().message.find("permission denied for table audit_log"),
            std::string::npos)
      << deleted.error().ToString();
  Status truncated = app.value()->Execute("TRUNCATE audit_log");
  EXPECT_FALSE(truncated.ok());
  // Elsewhere the role writes as the program needs.
  Status changed = app.value()->Execute("UPDATE measurement SET clinician = 'dr.visser'");
  EXPECT_TRUE(changed.ok()) << changed.error().ToString();
  auto log = ReadAuditLog(*app.value());
  ASSERT_TRUE(log.ok()) << log.error().ToString();
  ASSERT_EQ(log.value().size(), 2u);
  AuditChainCheck chain = CheckAuditChain(log.value());
  EXPECT_TRUE(chain.intact) << chain.problem;
}

}  // namespace
}  // namespace clusterpilot
