#include "classifier/io/model_content_hash.h"

#include "classifier/io/cluster_model_writer.h"
#include "core/sha256.h"

namespace clusterpilot {

// Hashing the canonical text, not the file's bytes, keeps the hash the same
// when someone only re-indents the file.
std::string ModelContentHash(const ClusterModel& model) {
  return Sha256Hex(WriteClusterModel(model));
}

}  // namespace clusterpilot
