#include "classifier/io/model_content_hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "classifier/io/cluster_model_writer.h"

namespace clusterpilot {

// Hashing the canonical text, not the file's bytes, keeps the hash the same
// when someone only re-indents the file.
std::string ModelContentHash(const ClusterModel& model) {
  Poco::SHA2Engine sha256(Poco::SHA2Engine::SHA_256);
  sha256.update(WriteClusterModel(model));
  return Poco::DigestEngine::digestToHex(sha256.digest());
}

}  // namespace clusterpilot
