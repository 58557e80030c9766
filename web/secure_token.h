// Random tokens (session ids, CSRF tokens) and the one-way hash a session id
// is stored under, from libsodium. Thread-safe.
#ifndef CLUSTERPILOT_WEB_SECURE_TOKEN_H_
#define CLUSTERPILOT_WEB_SECURE_TOKEN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace clusterpilot {

// Starts libsodium once; false when it cannot (then nothing here is safe).
bool SodiumReady();

// `bytes` random bytes from the system's generator, as lower-case hex
// (32 bytes = 256 bits for a session id).
std::string RandomHexToken(size_t bytes);

// BLAKE2b-256 of the token, as hex: what the store keeps of a session id.
std::string TokenHash(std::string_view token);

// Compares two tokens in time that does not depend on where they differ.
bool TokensEqual(std::string_view a, std::string_view b);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_SECURE_TOKEN_H_
