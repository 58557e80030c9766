// The content hash that recognises a file imported before, whatever its
// name: SHA-256 over the file's bytes, as 64 lower-case hex digits.
#ifndef CLUSTERPILOT_IMPORTERS_CONTENT_HASH_H_
#define CLUSTERPILOT_IMPORTERS_CONTENT_HASH_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace Poco::Crypto {
class DigestEngine;
}  // namespace Poco::Crypto

namespace clusterpilot {

// The hash of bytes that arrive in pieces, for a stream that can be read
// only once.
class StreamingContentHash {
 public:
  StreamingContentHash();
  ~StreamingContentHash();
  StreamingContentHash(const StreamingContentHash&) = delete;
  StreamingContentHash& operator=(const StreamingContentHash&) = delete;

  void Update(std::string_view bytes);
  // The hash of everything passed to Update; call once.
  std::string HexDigest();

 private:
  std::unique_ptr<Poco::Crypto::DigestEngine> engine_;
};

// Reads `path` front to back in fixed-size blocks (memory does not grow with
// the file). Errors name `display_name`.
Result<std::string> ContentHash(const std::string& path, const std::string& display_name);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_CONTENT_HASH_H_
