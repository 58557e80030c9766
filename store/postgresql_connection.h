// One connection to a PostgreSQL store: a Poco::Data::PostgreSQL session,
// used through its libpq connection (PGconn*) for prepared statements and,
// in the fast paths, COPY. Owned by a Store; used from one thread at a time.
//
// Statements are prepared once per connection and kept by their text and
// parameter types, so SqlStatement objects made per call (as the store's
// functions do) cost one round trip each, not three. This is the PostgreSQL
// side of the one statement cache (store/statement_cache.h, SQLite's side):
// the same bound, the same key, released with the connection.
#ifndef CLUSTERPILOT_STORE_POSTGRESQL_CONNECTION_H_
#define CLUSTERPILOT_STORE_POSTGRESQL_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "store/statement_cache.h"
#include "store/store_location.h"

struct pg_conn;
struct pg_result;

namespace Poco::Data {
class Session;
}

namespace clusterpilot {

class PostgresqlConnection {
 public:
  // Connects; the error names the server and database (never a password)
  // and says what libpq said, e.g. `postgresql://ana@db:5432/pilot: cannot
  // connect: ...`.
  static Result<std::unique_ptr<PostgresqlConnection>> Open(const StoreLocation& location);
  ~PostgresqlConnection();
  PostgresqlConnection(const PostgresqlConnection&) = delete;
  PostgresqlConnection& operator=(const PostgresqlConnection&) = delete;

  // libpq's connection, for COPY and other fast paths. Owned by the session.
  pg_conn* handle() { return connection_; }
  const std::string& name() const { return name_; }

  // Runs SQL without parameters, possibly several statements (DDL).
  Status Execute(const std::string& sql);

  // Runs `sql` (already in PostgreSQL's form) with text parameters; types
  // holds each parameter's type oid (0: let the server infer it). Returns
  // the result, owned by the caller (PQclear), or the error.
  Result<pg_result*> Run(const std::string& sql, const std::vector<unsigned>& types,
                         const std::vector<const char*>& values, const std::vector<int>& lengths);

  // Runs `sql` once, unprepared (a cursor's DECLARE and FETCH), with
  // parameters as Run's.
  Result<pg_result*> RunOnce(const std::string& sql, const std::vector<unsigned>& types,
                             const std::vector<const char*>& values,
                             const std::vector<int>& lengths);

  // A cursor name not used before on this connection.
  std::string NewCursorName() { return "cp_cursor" + std::to_string(++cursors_); }

  // The first column of the first row of `sql` as an integer (0 when it
  // returns no row or NULL).
  Result<int64_t> QueryInt(const std::string& sql);

  // The version in clusterpilot_schema; 0 without that table, -1 when it
  // cannot be read.
  int SchemaVersion();

  // True between BEGIN and COMMIT/ROLLBACK (also after an error in it).
  bool InTransaction() const;
  // True when a statement of the open transaction failed: everything up to
  // ROLLBACK (or ROLLBACK TO a savepoint) is refused.
  bool InFailedTransaction() const;

  // The last INSERT's new id (of a table with an identity id) and how many
  // rows the last statement changed, as SQLite reports them.
  int64_t last_insert_id() const { return last_insert_id_; }
  void set_last_insert_id(int64_t id) { last_insert_id_ = id; }
  int64_t changed_rows() const { return changed_rows_; }

  // Whether INSERTs into `table` should return the new id: the tables whose
  // id column is an identity. Read from the catalogue by LoadIdentityTables.
  bool HasIdentityId(const std::string& table) const { return identity_tables_.count(table) > 0; }
  Status LoadIdentityTables();

  // An error of this store: `name: database error: <the first line of
  // libpq's message, without its severity>`.
  Error DatabaseError(const std::string& what) const;

 private:
  PostgresqlConnection(std::string name, std::unique_ptr<Poco::Data::Session> session,
                       pg_conn* connection);
  Status CheckResult(pg_result* result);
  void ForgetPreparedStatements();

  std::string name_;
  std::unique_ptr<Poco::Data::Session> session_;
  pg_conn* connection_;
  // text + types -> name; at most kMaxCachedStatements (statement_cache.h)
  std::unordered_map<std::string, std::string> prepared_;
  int64_t statements_named_ = 0;
  std::set<std::string> identity_tables_;
  int64_t last_insert_id_ = 0;
  int64_t changed_rows_ = 0;
  int64_t cursors_ = 0;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_POSTGRESQL_CONNECTION_H_
