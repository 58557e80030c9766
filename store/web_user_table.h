// The web app's accounts (tables app_user, app_user_department): a name, one
// role, the departments a clinician or manager works for, the password only
// as an Argon2id hash (web/password_hasher.h makes it), and the lockout state
// of failed logins. Plain data; deciding what a role may do is web/'s job.
#ifndef CLUSTERPILOT_STORE_WEB_USER_TABLE_H_
#define CLUSTERPILOT_STORE_WEB_USER_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/language.h"

namespace clusterpilot {

class Store;

enum class WebRole { kClinician, kFinance, kManager, kAdmin };

// "clinician", "finance", "manager", "admin": as stored and as typed.
std::string_view WebRoleName(WebRole role);
std::optional<WebRole> ParseWebRole(std::string_view name);

struct WebUser {
  int64_t id = 0;
  std::string name;
  WebRole role = WebRole::kClinician;
  std::vector<std::string> departments;  // sorted
  std::string password_hash;             // crypto_pwhash_str's text
  bool disabled = false;
  int failed_logins = 0;                 // since the last successful login
  int64_t locked_until = 0;              // Unix seconds; no login before then
  Language language = kDefaultLanguage;  // of the pages the account reads
};

// Adds the account with its departments in one transaction, with an audit
// entry by `by_user`. A name already taken is refused:
// `user "NAME": bestaat al / already exists`.
Result<int64_t> AddWebUser(Store& store, const WebUser& user, const std::string& by_user);

// Every account, by name.
Result<std::vector<WebUser>> ListWebUsers(Store& store);

// The account named `name`; nullopt when there is none.
Result<std::optional<WebUser>> FindWebUser(Store& store, const std::string& name);
Result<std::optional<WebUser>> FindWebUserById(Store& store, int64_t id);

// Disables the account and ends its sessions, with an audit entry. An
// unknown name is an error.
Status DisableWebUser(Store& store, const std::string& name, const std::string& by_user);

// Replaces the password hash, clears the lockout and ends the account's
// sessions, with an audit entry. An unknown name is an error.
Status SetWebUserPassword(Store& store, const std::string& name, const std::string& password_hash,
                          const std::string& by_user);

// Sets the language the account's pages are in, with an audit entry. An
// unknown name is an error.
Status SetWebUserLanguage(Store& store, const std::string& name, Language language,
                          const std::string& by_user);

// Stores the lockout state after a login attempt.
Status UpdateLoginFailures(Store& store, int64_t user_id, int failed_logins, int64_t locked_until);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_WEB_USER_TABLE_H_
