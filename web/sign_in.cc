#include "web/sign_in.h"

#include <algorithm>
#include <chrono>

#include "store/store.h"
#include "store/web_session_table.h"
#include "web/password_hasher.h"
#include "web/secure_token.h"

namespace clusterpilot {
namespace {

// The session's last-seen time is written at most this often, so reading
// pages does not turn every request into a write.
constexpr int64_t kTouchEverySeconds = 30;

constexpr size_t kSessionIdBytes = 32;  // 256 bits
constexpr size_t kCsrfTokenBytes = 32;

Error LoginFailed() { return MakeError(kLoginFailedMessage); }

int64_t LockSeconds(const SessionPolicy& policy, int failed_logins) {
  const int beyond = failed_logins - policy.failures_before_lock;
  if (beyond < 0) return 0;
  int64_t seconds = policy.first_lock_seconds;
  for (int i = 0; i < beyond && seconds < policy.longest_lock_seconds; ++i) seconds *= 2;
  return std::min(seconds, policy.longest_lock_seconds);
}

Status RecordFailure(Store& store, const WebUser& user, const SessionPolicy& policy, int64_t now) {
  const int failed = user.failed_logins + 1;
  const int64_t lock = LockSeconds(policy, failed);
  return UpdateLoginFailures(store, user.id, failed, lock > 0 ? now + lock : user.locked_until);
}

Result<NewSession> OpenSession(Store& store, const WebUser& user, int64_t now) {
  NewSession session{RandomHexToken(kSessionIdBytes), RandomHexToken(kCsrfTokenBytes)};
  Status status = store.InTransaction([&]() -> Status {
    Status cleared = UpdateLoginFailures(store, user.id, 0, 0);
    if (!cleared.ok()) return cleared;
    return InsertWebSession(
        store, WebSession{TokenHash(session.id), user.id, session.csrf_token, now, now});
  });
  if (!status.ok()) return status.error();
  return session;
}

bool Expired(const WebSession& session, const SessionPolicy& policy, int64_t now) {
  return now - session.created_at >= policy.absolute_timeout_seconds ||
         now - session.last_seen_at >= policy.idle_timeout_seconds;
}

}  // namespace

Result<NewSession> SignIn(Store& store, const std::string& name, const std::string& password,
                          const SessionPolicy& policy, int64_t now) {
  Result<std::optional<WebUser>> found = FindWebUser(store, name);
  if (!found.ok()) return found.error();
  const std::optional<WebUser>& user = found.value();
  // The hash is checked in every case, so an unknown name costs the same time.
  const bool password_ok =
      VerifyPassword(user ? user->password_hash : DecoyPasswordHash(), password);
  if (!user) return LoginFailed();
  const bool allowed = password_ok && !user->disabled && user->locked_until <= now;
  if (!allowed) {
    Status recorded = RecordFailure(store, *user, policy, now);
    if (!recorded.ok()) return recorded.error();
    return LoginFailed();
  }
  return OpenSession(store, *user, now);
}

bool SessionTouches::Claim(const std::string& session_hash, int64_t now, int64_t interval) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Ended and idle sessions are forgotten once the map grows; a forgotten
  // session is simply claimed again.
  constexpr size_t kForgetPast = 4096;
  if (claimed_at_.size() >= kForgetPast) {
    std::erase_if(claimed_at_, [&](const auto& entry) { return now - entry.second >= interval; });
  }
  auto [claim, first] = claimed_at_.try_emplace(session_hash, now);
  if (first) return true;
  if (now - claim->second < interval) return false;
  claim->second = now;
  return true;
}

void SessionTouches::Release(const std::string& session_hash) {
  std::lock_guard<std::mutex> lock(mutex_);
  claimed_at_.erase(session_hash);
}

Result<std::optional<SignedInUser>> FindSignedInUser(Store& store, const std::string& cookie,
                                                     const SessionPolicy& policy, int64_t now,
                                                     SessionTouches* touches) {
  if (cookie.empty()) return std::optional<SignedInUser>();
  const std::string hash = TokenHash(cookie);
  Result<std::optional<WebSession>> session = FindWebSession(store, hash);
  if (!session.ok()) return session.error();
  if (!session.value()) return std::optional<SignedInUser>();
  if (Expired(*session.value(), policy, now)) {
    Status deleted = DeleteWebSession(store, hash);
    if (!deleted.ok()) return deleted.error();
    return std::optional<SignedInUser>();
  }
  Result<std::optional<WebUser>> user = FindWebUserById(store, session.value()->user_id);
  if (!user.ok()) return user.error();
  if (!user.value() || user.value()->disabled) return std::optional<SignedInUser>();
  if (now - session.value()->last_seen_at >= kTouchEverySeconds &&
      (touches == nullptr || touches->Claim(hash, now, kTouchEverySeconds))) {
    Status touched = TouchWebSession(store, hash, now);
    if (!touched.ok()) {
      if (touches != nullptr) touches->Release(hash);
      return touched.error();
    }
  }
  return std::optional<SignedInUser>(
      SignedInUser{std::move(*user.value()), hash, session.value()->csrf_token});
}

Status SignOut(Store& store, const std::string& session_hash) {
  return DeleteWebSession(store, session_hash);
}

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace clusterpilot
