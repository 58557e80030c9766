#include "store/statement_cache.h"

#include <sqlite3.h>

#include <utility>

namespace clusterpilot {

sqlite3_stmt* StatementCache::Take(const std::string& sql) {
  auto found = kept_.find(sql);
  if (found == kept_.end()) return nullptr;
  sqlite3_stmt* statement = found->second;
  kept_.erase(found);
  return statement;
}

void StatementCache::Give(std::string sql, sqlite3_stmt* statement) {
  if (statement == nullptr) return;
  // An EXPLAIN never checks the schema, so it would not notice a dropped
  // index and would describe the old plan; it is prepared afresh each time.
  if (sqlite3_stmt_isexplain(statement) != 0) {
    sqlite3_finalize(statement);
    return;
  }
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  if (kept_.size() >= kMaxCachedStatements) Clear();
  kept_.emplace(std::move(sql), statement);
}

void StatementCache::Clear() {
  for (auto& [sql, statement] : kept_) sqlite3_finalize(statement);
  kept_.clear();
}

}  // namespace clusterpilot
