// What a table holds, as a row count and a content hash that is the same on
// every backend: each row is encoded canonically from its values (integers
// in decimal, reals in their shortest exact form, text length-prefixed, NULL
// apart from every value) and hashed with SHA-256, and the row hashes are
// summed, so the hash does not depend on the order a backend returns rows in
// (collations differ) nor on how it prints a number.
#ifndef CLUSTERPILOT_STORE_TABLE_CONTENT_H_
#define CLUSTERPILOT_STORE_TABLE_CONTENT_H_

#include <array>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "store/table_catalog.h"

namespace clusterpilot {

class SqlStatement;
class Store;

struct TableContent {
  int64_t rows = 0;
  std::string hash;  // 64 lower-case hex digits; the same for two tables iff same rows
};

// Adds rows one at a time, e.g. while they are being copied.
class TableContentHasher {
 public:
  explicit TableContentHasher(const StoreTable& table) : table_(table) {}

  // Adds the current row of `row`, whose columns are table.columns in order.
  void AddRow(const SqlStatement& row);
  TableContent Finish() const;

 private:
  const StoreTable& table_;
  std::string encoding_;                    // reused between rows
  std::array<uint64_t, 4> row_hash_sum_{};  // 256 bits as 4 lanes, each mod 2^64
  int64_t rows_ = 0;
};

// `SELECT "a", "b", ... FROM "table"`: every column, in the catalogue's order.
std::string SelectAllColumnsSql(const StoreTable& table);

// Reads the whole table and returns its count and hash.
Result<TableContent> ReadTableContent(Store& store, const StoreTable& table);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_TABLE_CONTENT_H_
