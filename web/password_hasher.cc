#include "web/password_hasher.h"

#include <sodium.h>

#include <semaphore>

#include "web/secure_token.h"

namespace clusterpilot {
namespace {

// Each hash holds crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MB) while it runs.
std::counting_semaphore<2>& HashingSlots() {
  static std::counting_semaphore<2> slots(2);
  return slots;
}

class HashingSlot {
 public:
  HashingSlot() { HashingSlots().acquire(); }
  ~HashingSlot() { HashingSlots().release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;
};

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (password.empty()) {
    Error error;
    error.field = "password";
    error.message = "leeg / empty";
    return error;
  }
  if (!SodiumReady()) return MakeError("libsodium cannot start");
  char hash[crypto_pwhash_STRBYTES];
  HashingSlot slot;
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return MakeError("not enough memory to hash the password");
  }
  return std::string(hash);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  if (!SodiumReady() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  HashingSlot slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DecoyPasswordHash() {
  static const std::string decoy = [] {
    Result<std::string> hash = HashPassword(RandomHexToken(16));
    return hash.ok() ? hash.value() : std::string();
  }();
  return decoy;
}

}  // namespace clusterpilot
