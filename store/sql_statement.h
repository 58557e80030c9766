// A prepared statement on a store's connection, for the hot loops (import,
// classify, report) where per-value binding through Poco::Data measured too
// slow. Columns and parameters are 0-based here for reading and 1-based for
// binding, as in SQLite itself.
//
// The SQL is SQLite's (`?` or `?N` placeholders); on a PostgreSQL store it is
// translated once (store/sql_dialect.h) and runs as a libpq prepared
// statement with the same results: text, integers, doubles and NULLs.
//
// Made per call is cheap: the prepared statement comes from, and goes back
// to, the connection's cache (store/statement_cache.h), reset and unbound.
#ifndef CLUSTERPILOT_STORE_SQL_STATEMENT_H_
#define CLUSTERPILOT_STORE_SQL_STATEMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

struct sqlite3_stmt;

namespace clusterpilot {

class PostgresqlStatement;
class StatementCache;
class Store;

class SqlStatement {
 public:
  // How the rows of a run arrive on PostgreSQL: kAll in one round trip (the
  // usual few rows), kStreamed through a server-side cursor in chunks, for
  // reads of a whole table (classify, store copy), so memory holds a chunk,
  // not the table (postgresql_statement.h says what that asks of the
  // caller). SQLite steps row by row either way.
  enum class Rows { kAll, kStreamed };

  // Prepares `sql`; a failure (a bug in our SQL, or a locked store) is kept
  // and reported by status(), and every later call is a no-op.
  SqlStatement(Store& store, std::string_view sql, Rows rows = Rows::kAll);
  ~SqlStatement();
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;

  void BindInt(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindText(int index, std::string_view value);
  // Binds without copying, for the hot loops: `value` must stay unchanged
  // until the statement has run (Step or Run).
  void BindTextView(int index, std::string_view value);
  void BindNull(int index);

  // Advances to the next row: true while a row is there, false when done or on
  // error (then status() says what went wrong).
  bool Step();

  // Runs a statement that returns no rows, then resets it for the next bind.
  Status Run();

  // Makes the statement ready to run again; keeps nothing bound.
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string_view Text(int column) const;

  const Status& status() const { return status_; }

 private:
  void Fail();

  Store& store_;
  std::string sql_;                      // SQLite: the cache's key
  std::weak_ptr<StatementCache> cache_;  // gone when the Store closed first
  sqlite3_stmt* statement_ = nullptr;
  std::unique_ptr<PostgresqlStatement> postgresql_;  // instead, on PostgreSQL
  Status status_ = Status::Ok();
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_SQL_STATEMENT_H_
