#include "store/web_user_table.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/store.h"
#include "store/web_session_table.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

class WebUserTableTest : public testing::Test {
 protected:
  void SetUp() override { store_ = std::move(Store::Open(TestStoreLocation(dir_))).value(); }

  int64_t Add(const std::string& name, WebRole role, std::vector<std::string> departments) {
    WebUser user;
    user.name = name;
    user.role = role;
    user.departments = std::move(departments);
    user.password_hash = "$argon2id$hash-of-" + name;
    Result<int64_t> id = AddWebUser(*store_, user, "admin");
    EXPECT_TRUE(id.ok()) << id.error().ToString();
    return id.ok() ? id.value() : 0;
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(WebUserTableTest, KeepsRoleDepartmentsAndHash) {
  Add("jan", WebRole::kClinician, {"Ouderen", "Acuut"});
  Add("els", WebRole::kAdmin, {});
  const std::vector<WebUser> users = ListWebUsers(*store_).value();
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].name, "els");
  EXPECT_EQ(users[0].role, WebRole::kAdmin);
  EXPECT_EQ(users[1].departments, (std::vector<std::string>{"Acuut", "Ouderen"}));
  EXPECT_EQ(users[1].password_hash, "$argon2id$hash-of-jan");
  EXPECT_FALSE(users[1].disabled);
  const std::vector<AuditEntry> log = ReadAuditLog(*store_).value();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].user, "admin");
  EXPECT_EQ(log[0].action, "user add");
  EXPECT_EQ(log[0].object, "user jan (clinician)");
}

TEST_F(WebUserTableTest, RefusesATakenNameAndUnknownNames) {
  Add("jan", WebRole::kFinance, {});
  WebUser again;
  again.name = "jan";
  again.password_hash = "x";
  Result<int64_t> refused = AddWebUser(*store_, again, "admin");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().ToString(), "user \"jan\": bestaat al / already exists");
  EXPECT_EQ(DisableWebUser(*store_, "piet", "admin").error().ToString(),
            "user \"piet\": bestaat niet / no such user");
  EXPECT_EQ(SetWebUserPassword(*store_, "piet", "h", "admin").error().ToString(),
            "user \"piet\": bestaat niet / no such user");
}

TEST_F(WebUserTableTest, DisablingAndNewPasswordsEndTheSessions) {
  const int64_t id = Add("jan", WebRole::kClinician, {"Ouderen"});
  ASSERT_TRUE(InsertWebSession(*store_, {"hash1", id, "token", 1, 1}).ok());
  ASSERT_TRUE(SetWebUserPassword(*store_, "jan", "new-hash", "admin").ok());
  EXPECT_FALSE(FindWebSession(*store_, "hash1").value().has_value());
  EXPECT_EQ(FindWebUser(*store_, "jan").value()->password_hash, "new-hash");
  ASSERT_TRUE(InsertWebSession(*store_, {"hash2", id, "token", 1, 1}).ok());
  ASSERT_TRUE(DisableWebUser(*store_, "jan", "admin").ok());
  EXPECT_FALSE(FindWebSession(*store_, "hash2").value().has_value());
  EXPECT_TRUE(FindWebUser(*store_, "jan").value()->disabled);
}

TEST_F(WebUserTableTest, RoleNamesRoundTrip) {
  for (WebRole role :
       {WebRole::kClinician, WebRole::kFinance, WebRole::kManager, WebRole::kAdmin}) {
    EXPECT_EQ(ParseWebRole(WebRoleName(role)), role);
  }
  EXPECT_FALSE(ParseWebRole("Admin").has_value());
}

}  // namespace
}  // namespace clusterpilot
