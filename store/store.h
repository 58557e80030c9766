// The store: imported measurements, their classifications, clinicians'
// overrides and the audit log. Either an embedded SQLite file (the default)
// or a PostgreSQL database (`postgresql://USER@HOST:PORT/DBNAME`), with the
// same tables and the same behaviour.
//
// Every statement of the program is written in store/ and runs through
// SqlStatement or Execute() on this connection; what is SQLite's own dialect
// (pragmas, the connection handle, mmap) stays in store.cc and
// sql_statement.cc, PostgreSQL's in postgresql_store.cc and the
// postgresql_*.cc files, and what differs in the SQL in sql_dialect.cc.
//
// Open() checks that the file or database is a clusterpilot store (or new),
// migrates an older schema forward and (SQLite) switches on WAL and foreign
// keys. A file or database that is not a clusterpilot store, or that a newer
// clusterpilot made, is refused and left untouched.
//
// A Store is used from one thread at a time. Several processes may open the
// same store: readers go on while one process writes, and writers take
// turns (SQLite's write lock; on PostgreSQL an advisory lock per write
// transaction, see docs/postgresql.md).
#ifndef CLUSTERPILOT_STORE_STORE_H_
#define CLUSTERPILOT_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/sql_dialect.h"
#include "store/statement_cache.h"

struct sqlite3;

namespace clusterpilot {

class PostgresqlConnection;
struct StoreLocation;

// The schema version this program writes; see store/schema_migrations.cc.
inline constexpr int kCurrentSchemaVersion = 14;

// Written to PRAGMA application_id so a clusterpilot store can be told apart
// from other SQLite files ("CPST").
inline constexpr int kStoreApplicationId = 0x43505354;

class Store {
 public:
  enum class OpenMode {
    kCreateIfMissing,  // a missing or zero-length file becomes a new store
    kMustExist,        // for commands that only read: a missing file is an error
  };

  // `path` is a file, or a postgresql:// URL (store_location.h; a password
  // in it is refused). Errors name the file or the URL.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             OpenMode mode = OpenMode::kCreateIfMissing);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The file, or the URL without a password: how messages name the store.
  const std::string& path() const { return path_; }
  int schema_version() const;
  SqlDialect dialect() const { return postgresql_ ? SqlDialect::kPostgresql : SqlDialect::kSqlite; }

  // The underlying SQLite connection, for SqlStatement (and tests that
  // inspect the file); nullptr on PostgreSQL. Owned by the Store.
  sqlite3* handle() { return db_; }
  // The PostgreSQL connection (its handle() is libpq's PGconn*, for COPY);
  // nullptr on SQLite. Owned by the Store.
  PostgresqlConnection* postgresql() { return postgresql_.get(); }
  // SqlStatement's prepared SQLite statements, kept until the Store closes.
  // Shared so that a SqlStatement outliving its Store (allowed: SQLite
  // closes the connection once its last statement is finalized) can tell.
  StatementCache& statements() { return *statements_; }
  const std::shared_ptr<StatementCache>& shared_statements() { return statements_; }

  // True inside a transaction (InTransaction, or one a caller began).
  bool InOpenTransaction();

  // Called just before the outermost transaction commits (non-zero turns
  // the commit into a rollback, as SQLite's commit hook) and after a
  // rollback, with `argument`. One pair per connection; the audit anchor's.
  void SetCommitHooks(int (*on_commit)(void*), void (*on_rollback)(void*), void* argument);

  // The row id the last INSERT on this connection gave, and how many rows the
  // last INSERT, UPDATE or DELETE changed (0 when ON CONFLICT skipped it).
  int64_t LastInsertId();
  int64_t ChangedRows();

  // Tunes the connection for a read that jumps all over the file (a month's
  // rows lie where their imports put them): a page cache of fixed size and
  // no memory map, so the reader's memory follows the month, not the store.
  Status PrepareForScatteredReads();

  // Tunes the connection of a short-lived program for one read whose
  // lookups come in key order (the due list): such a read reuses few pages,
  // and each page of cache is memory the program must first touch.
  Status PrepareForOrderedLookups();

  // For a bulk write that only adds pages at the end of its tables, such as
  // a first load into a store without measurements or a store's first
  // classify (SQLite): writes through the rollback journal instead of the
  // write-ahead log until ReturnToWal(). Such a write's pages are nearly all
  // new, so the journal stays small and each page reaches the file once,
  // where WAL writes it twice (the log, then the checkpoint): a first import
  // of 1.06M rows took 16% less time (old and new binary alternated), a
  // first classify of 1M measurements 2.4-2.9 s -> 2.0-2.2 s. Commits are
  // synced meanwhile, as the journal's safety on power loss asks. False, and
  // WAL kept, when another connection has the store open (leaving WAL needs
  // the file to itself) or on PostgreSQL. Other programs opening the store
  // meanwhile wait, as they wait for any writer.
  Result<bool> LeaveWalForBulkWrite();

  // Runs `work`, which holds its own transaction, through the rollback
  // journal (LeaveWalForBulkWrite) when `table`, one of the store's own
  // tables, holds no row yet, and back in WAL afterwards: the first load
  // into measurement, the first classify into classification. Otherwise,
  // and on PostgreSQL, simply runs `work`.
  Status InBulkWriteIfEmpty(std::string_view table, const std::function<Status()>& work);

  // Back to the write-ahead log (and unsynced commits) after
  // LeaveWalForBulkWrite(). Should another program hold the file, the next
  // Store::Open switches it back instead.
  Status ReturnToWal();

  // Makes every later commit of this connection durable before it returns
  // (SQLite: the write-ahead log is synced at each commit, not only at
  // checkpoints; PostgreSQL's commits are already). For the web server,
  // whose audit entries must be on disk before a page answers.
  Status RequireDurableCommits();

  // Runs `work` inside one write transaction (SQLite: BEGIN IMMEDIATE;
  // PostgreSQL: READ COMMITTED under the store's write lock): commits when it
  // returns ok, rolls back when it returns an error or throws. Called inside
  // a transaction already, it runs `work` in a savepoint of that one.
  Status InTransaction(const std::function<Status()>& work);

  // Runs `work`, which only reads, against one snapshot of the store, so
  // its several queries agree although others write meanwhile (PostgreSQL:
  // REPEATABLE READ READ ONLY; SQLite: a deferred transaction). Inside a
  // transaction already, it just runs `work`.
  Status InSnapshot(const std::function<Status()>& work);

  // Executes SQL without results (DDL, pragmas). Errors carry the
  // database's message.
  Status Execute(const std::string& sql);

 private:
  Store(std::string path, sqlite3* db);
  Result<bool> IsEmptySqliteTable(std::string_view table);
  Store(std::string path, std::unique_ptr<PostgresqlConnection> postgresql);
  static Result<std::unique_ptr<Store>> OpenPostgresql(const StoreLocation& location,
                                                       OpenMode mode);
  Status MigratePostgresql();
  Status RunTransaction(const std::string& begin, const std::function<Status()>& work);
  Status Commit();
  void RollBack();

  std::string path_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<PostgresqlConnection> postgresql_;
  int (*on_commit_)(void*) = nullptr;  // PostgreSQL; SQLite keeps its own
  void (*on_rollback_)(void*) = nullptr;
  void* hook_argument_ = nullptr;
  std::shared_ptr<StatementCache> statements_ = std::make_shared<StatementCache>();
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_STORE_H_
