// The content hash that recognises a file imported before, whatever its
// name: SHA-256 over the file's bytes, as 64 lower-case hex digits.
#ifndef CLUSTERPILOT_IMPORTERS_CONTENT_HASH_H_
#define CLUSTERPILOT_IMPORTERS_CONTENT_HASH_H_

#include <string>

#include "core/error.h"

namespace clusterpilot {

// Reads `path` front to back in fixed-size blocks (memory does not grow with
// the file). Errors name `display_name`.
Result<std::string> ContentHash(const std::string& path, const std::string& display_name);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_CONTENT_HASH_H_
