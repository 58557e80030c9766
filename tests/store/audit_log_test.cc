#include "store/audit_log.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

TEST(AuditLogTest, RecordsWhoOnWhoseBehalfWhatWhichAndWhen) {
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(RecordAudit(*store.value(), "dr.visser", "override", "measurement 12").ok());
  auto entries = ReadAuditLog(*store.value());
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries.value().size(), 1u);
  const AuditEntry& entry = entries.value()[0];
  EXPECT_EQ(entry.id, 1);
  EXPECT_EQ(entry.user, "dr.visser");
  EXPECT_EQ(entry.os_user, OperatingSystemUser());
  EXPECT_EQ(entry.action, "override");
  EXPECT_EQ(entry.object, "measurement 12");
  EXPECT_FALSE(entry.host.empty());
  EXPECT_EQ(entry.at.size(), 20u);  // 2026-11-23T05:22:38Z
}

TEST(AuditLogTest, CannotBeChangedOrDeleted) {
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(RecordAudit(*store.value(), "", "import", "batch 1").ok());
  Status update = store.value()->Execute("UPDATE audit_log SET \"user\" = 'someone else'");
  ASSERT_FALSE(update.ok());
  EXPECT_NE(update.error().message.find("the audit log cannot be changed"), std::string::npos);
  EXPECT_FALSE(store.value()->Execute("DELETE FROM audit_log").ok());
  auto entries = ReadAuditLog(*store.value());
  ASSERT_EQ(entries.value().size(), 1u);
  EXPECT_EQ(entries.value()[0].user, OperatingSystemUser());
}

}  // namespace
}  // namespace clusterpilot
