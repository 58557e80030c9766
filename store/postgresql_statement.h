// SqlStatement's PostgreSQL side: the statement translated once
// (sql_dialect.h), parameters kept as text with their types, and the whole
// result of a run held until the next Reset. Results come as text; Int and
// Double parse it, and PostgreSQL's booleans (t/f) read as 1 and 0.
//
// A streamed statement reads through a server-side cursor instead, a chunk
// of rows per round trip, so a read of a whole table holds one chunk in
// memory. Outside a transaction it opens its own read-only snapshot on the
// connection until its last row (or Reset): run only reads beside it.
#ifndef CLUSTERPILOT_STORE_POSTGRESQL_STATEMENT_H_
#define CLUSTERPILOT_STORE_POSTGRESQL_STATEMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

struct pg_result;

namespace clusterpilot {

class PostgresqlConnection;

class PostgresqlStatement {
 public:
  PostgresqlStatement(PostgresqlConnection& connection, std::string_view sql, bool streamed);
  ~PostgresqlStatement();
  PostgresqlStatement(const PostgresqlStatement&) = delete;
  PostgresqlStatement& operator=(const PostgresqlStatement&) = delete;

  void BindInt(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindText(int index, std::string_view value);
  void BindNull(int index);

  // Runs the statement at the first call after a Reset, then walks its rows.
  // Sets *status on failure.
  bool Step(Status* status);
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string_view Text(int column) const;

 private:
  Status Execute();
  Status OpenCursor(const std::vector<const char*>& values, const std::vector<int>& lengths);
  Status Fetch();
  void CloseCursor();
  void Bind(int index, unsigned type, std::string value);

  PostgresqlConnection& connection_;
  std::string sql_;
  std::string inserted_table_;  // returns the new id, as SQLite's rowid
  std::vector<unsigned> types_;
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
  pg_result* result_ = nullptr;
  bool executed_ = false;
  int row_ = -1;
  int rows_ = 0;
  const bool streamed_;
  std::string cursor_;            // open while a streamed run has rows left
  bool own_transaction_ = false;  // the cursor's snapshot, begun by us
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_POSTGRESQL_STATEMENT_H_
