// The layering rule of docs/architecture.md as a check: which folder may
// include which folder's headers and which third-party libraries, read from
// the document's `allowed-includes` block so the table and the test cannot
// drift apart.
#ifndef CLUSTERPILOT_TESTS_ARCHITECTURE_INCLUDE_EDGE_CHECK_H_
#define CLUSTERPILOT_TESTS_ARCHITECTURE_INCLUDE_EDGE_CHECK_H_

#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

// One line of the table: `folder: allowed, allowed`.
struct FolderRule {
  std::string folder;                // "classifier" or "classifier/io"
  std::vector<std::string> allowed;  // folders of the table and library names, as written
  bool anything = false;             // the line says `*`
};

// Reads the fenced `allowed-includes` block of `markdown`. Errors name
// file_name and the line of a malformed or repeated entry, or say the block
// is missing.
Result<std::vector<FolderRule>> ParseFolderRules(const std::string& markdown,
                                                 const std::string& file_name);

// Scans every .h, .cc and .in file under the table's folders below `root`
// and returns one message per forbidden edge, as
// `classifier/x.cc:3: classifier may not include store ("store/store.h"); allowed: core`,
// plus one per top-level folder with a CMakeLists.txt that the table lacks.
// Empty when the tree keeps the table. Errors only when `root` cannot be read.
Result<std::vector<std::string>> FindForbiddenIncludes(const std::string& root,
                                                       const std::vector<FolderRule>& rules);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_ARCHITECTURE_INCLUDE_EDGE_CHECK_H_
