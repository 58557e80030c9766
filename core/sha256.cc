#include "core/sha256.h"

#include <Poco/Crypto/DigestEngine.h>

namespace clusterpilot {

struct Sha256::Engine {
  Poco::Crypto::DigestEngine digest{"SHA256"};
};

Sha256::Sha256() : engine_(std::make_unique<Engine>()) {}

Sha256::~Sha256() = default;

void Sha256::Update(std::string_view bytes) { engine_->digest.update(bytes.data(), bytes.size()); }

std::string Sha256::HexDigest() {
  return Poco::Crypto::DigestEngine::digestToHex(engine_->digest.digest());
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 sha256;
  sha256.Update(bytes);
  return sha256.HexDigest();
}

}  // namespace clusterpilot
