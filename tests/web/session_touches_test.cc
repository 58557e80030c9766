// A session's last-seen time is written by one request per interval: the
// claim is given once per session and interval, and a request without it
// leaves the stored time as it is.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "store/store.h"
#include "store/web_session_table.h"
#include "store/web_user_table.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"
#include "web/secure_token.h"
#include "web/sign_in.h"

namespace clusterpilot {
namespace {

constexpr int64_t kInterval = 30;
constexpr int64_t kStart = 1'800'000'000;

TEST(SessionTouchesTest, OneClaimPerSessionAndInterval) {
  SessionTouches touches;
  EXPECT_TRUE(touches.Claim("session-a", kStart, kInterval));
  EXPECT_FALSE(touches.Claim("session-a", kStart, kInterval));
  EXPECT_FALSE(touches.Claim("session-a", kStart + kInterval - 1, kInterval));
  EXPECT_TRUE(touches.Claim("session-b", kStart + 1, kInterval));
  EXPECT_TRUE(touches.Claim("session-a", kStart + kInterval, kInterval));
  EXPECT_FALSE(touches.Claim("session-a", kStart + kInterval, kInterval));
  // A claim given back (its write failed) is the next request's at once.
  touches.Release("session-a");
  EXPECT_TRUE(touches.Claim("session-a", kStart + kInterval, kInterval));
}

class SessionTouchStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::Open(TestStoreLocation(dir_));
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    store_ = std::move(opened).value();
    WebUser user;
    user.name = "touch-user";
    user.password_hash = "not a real hash";
    auto added = AddWebUser(*store_, user, "test");
    ASSERT_TRUE(added.ok()) << added.error().ToString();
    // Seen a minute ago: the next request is due to write the time.
    ASSERT_TRUE(InsertWebSession(*store_, WebSession{TokenHash(kCookie), added.value(), "csrf",
                                                     kStart - 60, kStart - 60})
                    .ok());
  }

  int64_t StoredLastSeen() {
    auto session = FindWebSession(*store_, TokenHash(kCookie));
    EXPECT_TRUE(session.ok() && session.value().has_value());
    return session.ok() && session.value() ? session.value()->last_seen_at : -1;
  }

  static constexpr const char* kCookie = "the session cookie";
  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SessionTouchStoreTest, TheClaimingRequestWritesTheTime) {
  SessionTouches touches;
  auto user = FindSignedInUser(*store_, kCookie, SessionPolicy{}, kStart, &touches);
  ASSERT_TRUE(user.ok() && user.value().has_value());
  EXPECT_EQ(StoredLastSeen(), kStart);
}

TEST_F(SessionTouchStoreTest, ARequestWithoutTheClaimLeavesTheTime) {
  SessionTouches touches;
  ASSERT_TRUE(touches.Claim(TokenHash(kCookie), kStart, kInterval));  // another request's
  auto user = FindSignedInUser(*store_, kCookie, SessionPolicy{}, kStart, &touches);
  ASSERT_TRUE(user.ok() && user.value().has_value());
  EXPECT_EQ(user.value()->user.name, "touch-user");
  EXPECT_EQ(StoredLastSeen(), kStart - 60);
}

TEST_F(SessionTouchStoreTest, AFailedWriteGivesTheClaimBack) {
  if (TestsUsePostgresql()) GTEST_SKIP() << "the refusing trigger is SQLite's";
  SessionTouches touches;
  // The store refuses every write to the session table now.
  ASSERT_TRUE(store_
                  ->Execute("CREATE TRIGGER refuse_touch BEFORE UPDATE ON web_session "
                            "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                  .ok());
  auto refused = FindSignedInUser(*store_, kCookie, SessionPolicy{}, kStart, &touches);
  EXPECT_FALSE(refused.ok());
  ASSERT_TRUE(store_->Execute("DROP TRIGGER refuse_touch").ok());
  auto user = FindSignedInUser(*store_, kCookie, SessionPolicy{}, kStart, &touches);
  ASSERT_TRUE(user.ok() && user.value().has_value());
  EXPECT_EQ(StoredLastSeen(), kStart);
}

}  // namespace
}  // namespace clusterpilot
