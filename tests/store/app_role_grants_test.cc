// Database-enforced audit: with the GRANTs applied, the application's role
// can append to the audit log and read it, but not change or remove an
// entry, even by SQL of its own. Runs against PostgreSQL only (the SQLite
// store's triggers are tested in audit_log_test.cc).
#include "store/app_role_grants.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

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
  ASSERT_EQ(statements.size(), 16u);
  EXPECT_EQ(statements[0], "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM \"pilot_app\"");
  EXPECT_EQ(statements[11], "GRANT SELECT, INSERT ON \"audit_log\" TO \"pilot_app\"");
  EXPECT_EQ(statements[3],
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \"measurement\" TO \"pilot_app\"");
}

}  // namespace
}  // namespace clusterpilot
