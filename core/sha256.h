// SHA-256, the one hash the tool uses to recognise content: an imported
// file, a cluster model's canonical text. OpenSSL underneath (through
// Poco::Crypto), which uses the CPU's SHA instructions where it has them.
#ifndef CLUSTERPILOT_CORE_SHA256_H_
#define CLUSTERPILOT_CORE_SHA256_H_

#include <memory>
#include <string>
#include <string_view>

namespace clusterpilot {

// Feed bytes with Update, read the digest once with HexDigest. Owns an
// OpenSSL context: not copyable, not thread-safe.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  // 64 lower-case hex digits; call once, after the last Update.
  std::string HexDigest();

 private:
  struct Engine;
  std::unique_ptr<Engine> engine_;
};

// The hex digest of `bytes` in one call.
std::string Sha256Hex(std::string_view bytes);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_SHA256_H_
