// Logging in and out, and finding who a session cookie belongs to. A session
// id is 256 random bits, handed out once as the cookie and stored only as its
// hash; a new id at every login. Failed logins count per account: from the
// fifth on, the account is locked for a time that doubles with every further
// failure. Every failure (unknown name, wrong password, disabled, locked)
// answers with the same message after the same Argon2id work, so the answer
// never tells whether a name exists.
#ifndef CLUSTERPILOT_WEB_SIGN_IN_H_
#define CLUSTERPILOT_WEB_SIGN_IN_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/error.h"
#include "store/web_user_table.h"

namespace clusterpilot {

class Store;

struct SessionPolicy {
  int64_t idle_timeout_seconds = 15 * 60;        // setting serve.idle_timeout_seconds
  int64_t absolute_timeout_seconds = 10 * 3600;  // setting serve.absolute_timeout_seconds
  int failures_before_lock = 5;
  int64_t first_lock_seconds = 60;  // doubles with each failure after that
  int64_t longest_lock_seconds = 24 * 3600;
};

// The one message of every failed login, Dutch first.
inline constexpr const char* kLoginFailedMessage =
    "Onbekende naam of wachtwoord, of het account is tijdelijk geblokkeerd. / "
    "Unknown name or password, or the account is locked for a while.";

struct NewSession {
  std::string id;  // the cookie value; never stored
  std::string csrf_token;
};

// Checks the password and opens a session. A failure returns an Error whose
// message is kLoginFailedMessage; a store failure returns the store's error.
Result<NewSession> SignIn(Store& store, const std::string& name, const std::string& password,
                          const SessionPolicy& policy, int64_t now);

struct SignedInUser {
  WebUser user;
  std::string session_hash;
  std::string csrf_token;
};

// The sessions whose last-seen time a request of this server is writing.
// A session's last-seen time is written at most every 30 seconds; under
// load, every request of the session that found it due wrote it at once,
// each waiting in SQLite's busy handler for the write lock beside the
// page-view audit's commits: a second and more, and a p99 of up to 932 ms
// in bench/web_bench. Now one request per session and interval writes it
// and the others go on. Thread-safe; one per server.
class SessionTouches {
 public:
  // True for the first caller for `session_hash` in each `interval`.
  bool Claim(const std::string& session_hash, int64_t now, int64_t interval);

  // Gives a claim back when its write failed, so the next request tries.
  void Release(const std::string& session_hash);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, int64_t> claimed_at_;
};

// The user of the session cookie; nullopt for no cookie, an unknown or
// expired session (which is then deleted) or a disabled account. With
// `touches`, only the request that claims the session's due last-seen write
// makes it.
Result<std::optional<SignedInUser>> FindSignedInUser(Store& store, const std::string& cookie,
                                                     const SessionPolicy& policy, int64_t now,
                                                     SessionTouches* touches = nullptr);

// Ends the session server-side.
Status SignOut(Store& store, const std::string& session_hash);

// The current time in Unix seconds.
int64_t UnixNow();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_SIGN_IN_H_
