#include "importers/content_hash.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Exception.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace clusterpilot {

// OpenSSL's SHA-256 uses the CPU's SHA instructions: over 1 GB/s here.
StreamingContentHash::StreamingContentHash()
    : engine_(std::make_unique<Poco::Crypto::DigestEngine>("SHA256")) {}

StreamingContentHash::~StreamingContentHash() = default;

void StreamingContentHash::Update(std::string_view bytes) {
  engine_->update(bytes.data(), bytes.size());
}

std::string StreamingContentHash::HexDigest() {
  return Poco::Crypto::DigestEngine::digestToHex(engine_->digest());
}

Result<std::string> ContentHash(const std::string& path, const std::string& display_name) {
  Error error;
  error.file = display_name;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    error.message = std::string("cannot be read: ") + std::strerror(errno);
    return error;
  }
  try {
    StreamingContentHash hash;
    std::vector<char> block(1 << 20);
    size_t read = 0;
    while ((read = std::fread(block.data(), 1, block.size(), file)) > 0) {
      hash.Update(std::string_view(block.data(), read));
    }
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) {
      error.message = "read error";
      return error;
    }
    return hash.HexDigest();
  } catch (const Poco::Exception& e) {
    std::fclose(file);
    error.message = "cannot compute the content hash: " + e.displayText();
    return error;
  }
}

}  // namespace clusterpilot
