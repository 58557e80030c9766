// The tables of a store and their columns, read from the store's own
// catalogue, in the order a copy must fill them (a table after the tables
// its foreign keys name). Used by `store copy` and its content hashes, so
// both read the same columns as the same kinds on every backend.
#ifndef CLUSTERPILOT_STORE_TABLE_CATALOG_H_
#define CLUSTERPILOT_STORE_TABLE_CATALOG_H_

#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

class Store;

// How a column's values are read and compared: by value, never by the
// backend's text form (SQLite and PostgreSQL print numbers differently).
enum class ColumnKind { kInteger, kReal, kText };

struct StoreColumn {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
};

struct StoreTable {
  std::string name;
  std::vector<StoreColumn> columns;  // in the table's column order
};

// Every table of `store` (views left out), parents before children. A table
// that store/table_catalog.cc does not place in that order is an error
// naming it, so a new table is never copied out of order, or lost, unseen.
Result<std::vector<StoreTable>> ReadTableCatalog(Store& store);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_TABLE_CATALOG_H_
