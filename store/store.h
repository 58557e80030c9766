// The embedded SQLite store: one file holding imported measurements, their
// classifications, clinicians' overrides and the audit log.
//
// Every statement of the program is written in store/ and runs through
// SqlStatement or Execute() on this connection; what is SQLite's own dialect
// (pragmas, the connection handle, mmap) stays in store.cc and
// sql_statement.cc, so another backend implements the same functions.
//
// Open() checks that the file is a clusterpilot store (or new), migrates an
// older schema forward and switches on WAL and foreign keys. A file that is
// not a clusterpilot store, or that a newer clusterpilot made, is refused
// and left untouched.
//
// A Store is used from one thread at a time. Several processes may open the
// same file: WAL lets readers go on while one process writes.
#ifndef CLUSTERPILOT_STORE_STORE_H_
#define CLUSTERPILOT_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/error.h"

struct sqlite3;

namespace clusterpilot {

// The schema version this program writes; see store/schema_migrations.cc.
inline constexpr int kCurrentSchemaVersion = 9;

// Written to PRAGMA application_id so a clusterpilot store can be told apart
// from other SQLite files ("CPST").
inline constexpr int kStoreApplicationId = 0x43505354;

class Store {
 public:
  enum class OpenMode {
    kCreateIfMissing,  // a missing or zero-length file becomes a new store
    kMustExist,        // for commands that only read: a missing file is an error
  };

  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             OpenMode mode = OpenMode::kCreateIfMissing);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version() const;

  // The underlying connection, for SqlStatement (and tests that inspect the
  // file). Owned by the Store.
  sqlite3* handle() { return db_; }

  // The row id the last INSERT on this connection gave, and how many rows the
  // last INSERT, UPDATE or DELETE changed (0 when ON CONFLICT skipped it).
  int64_t LastInsertId();
  int64_t ChangedRows();

  // Tunes the connection for a read that jumps all over the file (a month's
  // rows lie where their imports put them): a page cache of fixed size and
  // no memory map, so the reader's memory follows the month, not the store.
  Status PrepareForScatteredReads();

  // Runs `work` inside one transaction (BEGIN IMMEDIATE): commits when it
  // returns ok, rolls back when it returns an error or throws. Called inside
  // a transaction already, it runs `work` in a savepoint of that one.
  Status InTransaction(const std::function<Status()>& work);

  // Executes SQL without results (DDL, pragmas). Errors carry the SQLite
  // message.
  Status Execute(const std::string& sql);

 private:
  Store(std::string path, sqlite3* db);

  std::string path_;
  sqlite3* db_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_STORE_H_
