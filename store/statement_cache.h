// The prepared SQLite statements of one connection, kept by their SQL text
// between uses, so the store's functions can make a SqlStatement per call
// (as they do) without preparing it again: preparing took about 0.65M
// instructions of every web request (callgrind on bench/web_bench).
//
// A statement is taken out while in use and given back reset, with no
// bindings, so two SqlStatements of the same text (a nested read) each get
// their own. An EXPLAIN is not kept: it never checks the schema, so it would
// describe a plan of before a schema change. At most kMaxCachedStatements
// are kept; when one more is given back all are dropped, as the worklist
// cache does: the program has a few dozen statements, so a full cache means
// SQL built per call that would not be used again. The PostgreSQL side keeps
// its named statements the same way (postgresql_connection.h), on the server.
//
// Owned by one Store (shared with its SqlStatements, which may outlive it)
// and used from its thread; the Store drops it before the connection closes.
#ifndef CLUSTERPILOT_STORE_STATEMENT_CACHE_H_
#define CLUSTERPILOT_STORE_STATEMENT_CACHE_H_

#include <cstddef>
#include <string>
#include <unordered_map>

struct sqlite3_stmt;

namespace clusterpilot {

// The bound of both caches: SQLite statements per Store, PostgreSQL named
// statements per connection.
inline constexpr size_t kMaxCachedStatements = 128;

class StatementCache {
 public:
  StatementCache() = default;
  ~StatementCache() { Clear(); }
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The kept statement of `sql`, now the caller's; nullptr when none is kept.
  sqlite3_stmt* Take(const std::string& sql);

  // Keeps `statement` (prepared from `sql`, owned by the cache from now on)
  // for the next Take; resets it and clears its bindings first.
  void Give(std::string sql, sqlite3_stmt* statement);

  // Finalizes every kept statement.
  void Clear();

  size_t size() const { return kept_.size(); }

 private:
  std::unordered_multimap<std::string, sqlite3_stmt*> kept_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_STATEMENT_CACHE_H_
