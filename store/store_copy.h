// `clusterpilot store copy`: a whole store moved to another, empty one
// (SQLite to PostgreSQL, back, or SQLite to SQLite), every table with its
// ids, verified by row count and content hash (store/table_content.h).
#ifndef CLUSTERPILOT_STORE_STORE_COPY_H_
#define CLUSTERPILOT_STORE_STORE_COPY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/table_content.h"

namespace clusterpilot {

class Store;

struct CopiedTable {
  std::string name;
  TableContent content;  // the same on both sides, or the copy failed
};

struct StoreCopySummary {
  std::vector<CopiedTable> tables;  // in copy order
  int64_t rows = 0;
};

// Copies every table of `source` into `target`, which must have the same
// schema and no rows at all (a store with data is never merged into). The
// source's audit log records the copy first, and is itself copied entry by
// entry with its chain hashes, so the target's chain verifies and goes on
// with the target's own entry for the copy, made in the same transaction
// as the rows. The source is read in one snapshot (writers go on), the
// target written in one transaction: a failure, including a count or
// hash that differs when the target is read back, leaves the target empty.
// `user` is whom both audit entries name.
Result<StoreCopySummary> CopyStore(Store& source, Store& target, const std::string& user);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_STORE_COPY_H_
