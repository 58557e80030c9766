// Where SQLite's SQL and PostgreSQL's differ. The statements of store/ are
// written once, in the form both accept wherever one exists; what cannot be
// shared is translated or chosen here, by small named functions, so no other
// file asks which database it talks to.
#ifndef CLUSTERPILOT_STORE_SQL_DIALECT_H_
#define CLUSTERPILOT_STORE_SQL_DIALECT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace clusterpilot {

enum class SqlDialect { kSqlite, kPostgresql };

// A statement of store/ as PostgreSQL reads it: `?` and `?N` placeholders
// become `$N` (outside quotes), INSERT OR IGNORE becomes INSERT ... ON
// CONFLICT DO NOTHING, and SQLite's unicode() is PostgreSQL's ascii(). Sets
// *parameters to the highest placeholder number.
std::string ToPostgresql(std::string_view sqlite_sql, int* parameters);

// The table an INSERT writes to ("" for any other statement), so the
// PostgreSQL side can ask for the new row's id as SQLite's rowid gives it.
std::string InsertedTable(std::string_view sql);

// The statement that switches the connection's foreign-key checks on or
// off around a bulk write (SQLite's pragma; PostgreSQL checks every row and
// has no such switch for an ordinary role, so there it is empty).
std::string ForeignKeyChecksSql(SqlDialect dialect, bool on);

// Whether an import of `expected_rows` into a measurement table whose
// highest id is `stored_rows` drops the table's secondary indexes and builds
// them again at the end. On SQLite readers keep the old schema until the
// import commits, so every import bigger than the store does. On PostgreSQL
// DROP INDEX locks every reader (`serve`) out of the table until the import
// commits, so only the first load into an empty table does: nobody has
// anything to read yet, and its rows go in two to three times faster.
bool DropsIndexesForBulkLoad(SqlDialect dialect, int64_t stored_rows, int64_t expected_rows);

// The query listing the secondary indexes a bulk load drops and builds again
// at its end, those of measurement and of latest_rating (which the import
// fills from its rows; maintaining its department index row by row took
// 5.9 of 6.4 s for 690,000 patients): the name and the statement that
// creates it again. The indexes behind primary keys and UNIQUE constraints
// are not listed: they stay.
std::string_view BulkLoadIndexesSql(SqlDialect dialect);

// The query listing the measurement table's foreign keys on PostgreSQL: the
// name and the definition that adds it again. A bulk load drops them with
// the secondary indexes and adds them at the end, where one join checks
// every row instead of a trigger per row (a fifth of a load's time). Empty
// on SQLite, whose foreign keys cannot be dropped and cost little.
std::string_view MeasurementForeignKeysSql(SqlDialect dialect);

// The isolation every write transaction gets on PostgreSQL, with the store's
// write lock (an advisory lock) that serialises writers as SQLite's BEGIN
// IMMEDIATE does; see docs/postgresql.md.
std::string_view PostgresqlBeginWrite();
// A read of several statements that must agree with each other (a report,
// a listing): one snapshot, no writes.
std::string_view PostgresqlBeginSnapshot();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_SQL_DIALECT_H_
