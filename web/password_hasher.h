// Passwords as Argon2id hashes (libsodium's crypto_pwhash_str, interactive
// limits: about 135 ms and 64 MB per hash here). At most two hashes run at
// once in the process, so a flood of logins cannot take the server's memory;
// further callers wait. Thread-safe.
#ifndef CLUSTERPILOT_WEB_PASSWORD_HASHER_H_
#define CLUSTERPILOT_WEB_PASSWORD_HASHER_H_

#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

// Hashes the password; fails only when libsodium cannot start or the
// memory for the hash is not there. An empty password is refused:
// `password: leeg / empty`.
Result<std::string> HashPassword(std::string_view password);

// Whether `password` matches `hash` (a HashPassword result). A malformed hash
// never matches.
bool VerifyPassword(const std::string& hash, std::string_view password);

// A hash of a random password, to verify against when a login names no
// account, so that answer takes as long as a wrong password.
const std::string& DecoyPasswordHash();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_PASSWORD_HASHER_H_
