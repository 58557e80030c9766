#include "store/store.h"

#include <Poco/Exception.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store/postgresql_connection.h"
#include "store/schema_migrations.h"
#include "store/store_location.h"

namespace clusterpilot {
namespace {

constexpr int kBusyTimeoutMs = 30000;

// The page cache of a connection that reads a month. The month's rows lie
// in pages all over the file; the operating system's file cache keeps them
// between reads (shared, and not counted against this process), so a larger
// cache of our own saves no time. Measured on the scale benchmark
// (bench/scale_bench.cc): the earlier 2 GB memory map and 256 MB cache made
// the report's peak memory follow the store's size; 16 MB instead of SQLite's
// default 2 MB still added 28 MB to the report's peak (two connections read
// months) and took as long, 3.1 s on the 10M store.
constexpr int kScatteredReadCacheKib = 2 * 1024;

// The page cache for a read whose lookups come in key order: each step's
// path from the root stays cached, leaves are read once. One department's
// due list on the 1M-measurement store reads the same 3,200 pages with this
// as with SQLite's default 2 MB, and touches 360 fewer pages of memory.
constexpr int kOrderedLookupCacheKib = 512;

// Pages of a new store. Twice SQLite's default: a page holds twice the rows
// and index entries, so a bulk import splits, writes and checkpoints half as
// many pages (measured on the 1M import: the store's share of the import's
// processor time fell by a fifth). Only a new file takes it; an existing
// store keeps the size it was made with.
constexpr int kNewStorePageSize = 8192;

// How often a switch of journal mode is tried again while another
// connection holds the file: SQLite's busy handler does not wait for it.
constexpr auto kJournalSwitchRetry = std::chrono::milliseconds(10);

Error StoreError(const std::string& path, std::string message) {
  Error error;
  error.file = path;
  error.message = std::move(message);
  return error;
}

// The connection's journal mode as SQLite names it ("wal", "delete").
std::string JournalMode(sqlite3* db) {
  std::string mode;
  sqlite3_exec(
      db, "PRAGMA journal_mode",
      [](void* out, int, char** values, char**) {
        if (values[0] != nullptr) *static_cast<std::string*>(out) = values[0];
        return 0;
      },
      &mode, nullptr);
  return mode;
}

// A store left in the rollback journal (a first load running, or killed
// midway: SQLite rolls it back first) is switched back, trying again while
// the first load holds the file, for at most `patience`.
Status SwitchToWal(Store& store, std::chrono::milliseconds patience) {
  const auto give_up = std::chrono::steady_clock::now() + patience;
  for (;;) {
    Status switched = store.Execute("PRAGMA journal_mode = WAL");
    const bool busy = !switched.ok() && (sqlite3_errcode(store.handle()) & 0xff) == SQLITE_BUSY;
    if (!busy || std::chrono::steady_clock::now() >= give_up) return switched;
    std::this_thread::sleep_for(kJournalSwitchRetry);
  }
}

// Reads the two identifying pragmas through a read-only connection, so
// probing a file that turns out not to be ours never writes to it. Returns
// SQLite's result code: SQLITE_OK, or why the file could not be read
// (SQLITE_NOTADB for a file that is no SQLite database at all).
//
// Only SQLite may open the store's file in a process that may hold
// connections to it: closing any other descriptor of the file drops every
// POSIX lock the process holds on it (SQLite's own descriptors are kept open
// until its last connection closes). Without those locks another process
// closing its connection takes itself for the last one and deletes the
// write-ahead log that the open connections go on committing into.
int ReadPragmas(const std::string& path, int* application_id, int* user_version,
                int open_flags = SQLITE_OPEN_READONLY) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, open_flags, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);  // tells a journal to roll back from a read-only file
  }
  auto read = [&](const char* sql, int* out) {
    if (rc != SQLITE_OK) return;
    sqlite3_stmt* statement = nullptr;
    rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
      const int step = sqlite3_step(statement);
      rc = step == SQLITE_ROW ? SQLITE_OK : step;
      if (rc == SQLITE_OK) *out = sqlite3_column_int(statement, 0);
    }
    sqlite3_finalize(statement);
  };
  read("PRAGMA application_id", application_id);
  read("PRAGMA user_version", user_version);
  sqlite3_close(db);
  return rc;
}

// Another process writing (or recovering the write-ahead log) can keep a
// read-only probe out for a moment; that is no sign of damage.
bool IsBusy(int rc) {
  const int primary = rc & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_PROTOCOL;
}

int ReadPragmasRetryingWhileBusy(const std::string& path, int* application_id, int* user_version) {
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 20; ++attempt) {
    rc = ReadPragmas(path, application_id, user_version);
    // A first load killed midway (Store::LeaveWalForBulkWrite) leaves a
    // journal that only a writer may roll back. Only an SQLite database has
    // one, and rolling it back is what any program opening it must do.
    if (rc == SQLITE_READONLY_ROLLBACK) {
      rc = ReadPragmas(path, application_id, user_version, SQLITE_OPEN_READWRITE);
    }
    if (!IsBusy(rc)) return rc;
    std::this_thread::sleep_for(std::chrono::milliseconds(50 * (attempt + 1)));
  }
  return rc;
}

// Checks an existing, non-empty file before anything is written to it.
Status CheckExistingFile(const std::string& path) {
  const std::string untouched = "; the file was left unchanged";
  int application_id = 0;
  int user_version = 0;
  const int rc = ReadPragmasRetryingWhileBusy(path, &application_id, &user_version);
  if ((rc & 0xff) == SQLITE_NOTADB) {
    return StoreError(path, "is not a clusterpilot store (not an SQLite database)" + untouched);
  }
  if (IsBusy(rc)) {
    return StoreError(path,
                      "is busy: another clusterpilot is writing to it; try again in a "
                      "moment" +
                          untouched);
  }
  if (rc != SQLITE_OK) {
    return StoreError(path, "cannot be read as an SQLite database (damaged?)" + untouched);
  }
  if (application_id != kStoreApplicationId) {
    return StoreError(
        path,
        "is not a clusterpilot store (an SQLite database of another application)" + untouched);
  }
  if (user_version > kCurrentSchemaVersion) {
    return StoreError(path, "was made by a newer clusterpilot (store version " +
                                std::to_string(user_version) + "; this program knows up to " +
                                std::to_string(kCurrentSchemaVersion) + "). Update clusterpilot" +
                                untouched);
  }
  return Status::Ok();
}

// Why the store cannot be written, asked of the file system before SQLite
// answers less clearly ("damaged?", "unable to open database file").
// Root passes every permission check, so as root only a read-only file
// system shows here.
Status CheckWritable(const std::string& path, bool exists) {
  std::error_code ignored;
  std::filesystem::path folder = std::filesystem::absolute(path, ignored).parent_path();
  const auto refuse = [&](const std::string& what, int error) -> Status {
    if (error == EROFS) {
      return StoreError(path, "cannot be written: " + what +
                                  " is on a read-only file system; copy the store to a writable "
                                  "folder (or remount the disk writable) and use that copy");
    }
    if (error == ENOENT) {
      return StoreError(path, "cannot be created: the folder " + folder.string() +
                                  " does not exist; create it or name another --db");
    }
    return StoreError(path, "cannot be written: permission denied on " + what +
                                "; ask its owner for write access, or copy the store to a "
                                "folder of your own and use that copy");
  };
  if (exists && ::access(path.c_str(), W_OK) != 0) return refuse("the file", errno);
  // SQLite keeps its write-ahead log and lock file beside the store.
  if (::access(folder.c_str(), W_OK) != 0) return refuse("the folder " + folder.string(), errno);
  return Status::Ok();
}

// The message for what SQLite reports as busy, full or read-only; the
// plain message for anything else.
std::string DescribeSqliteError(sqlite3* db, const std::string& text) {
  switch (sqlite3_errcode(db) & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "is locked by another program writing to it (another clusterpilot import, classify "
             "or report?); wait until it has finished and try again";
    case SQLITE_FULL:
      return "cannot be written: the disk is full; free space on it (or move the store to a "
             "disk with room) and try again; nothing was changed";
    case SQLITE_READONLY:
      return "cannot be written: it is read-only (" + text +
             "); copy the store to a writable folder and use that copy";
    default:
      return "database error: " + text;
  }
}

int ReadUserVersion(sqlite3* db) {
  sqlite3_stmt* statement = nullptr;
  int version = -1;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    version = sqlite3_column_int(statement, 0);
  }
  sqlite3_finalize(statement);
  return version;
}

// A Store is used by one thread at a time (each thread opens its own), so
// SQLite's per-call connection mutexes and its memory statistics (another
// mutex per allocation) only cost time: about a tenth of a bulk import.
// SQLite accepts these settings only before it initialises; if something
// initialised it earlier, the calls fail harmlessly and the safe defaults
// stay.
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MULTITHREAD) == SQLITE_OK &&
           sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)configured;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenMode mode) {
  Result<StoreLocation> location = ParseStoreLocation(path);
  if (!location.ok()) return location.error();
  if (location.value().is_postgresql()) return OpenPostgresql(location.value(), mode);
  ConfigureSqliteOnce();
  std::error_code ignored;
  const bool exists = std::filesystem::exists(path, ignored);
  if (!exists && mode == OpenMode::kMustExist) {
    return StoreError(path, "no store here yet; import an export first (clusterpilot import --db " +
                                path + " FILE)");
  }
  Status writable = CheckWritable(path, exists);
  if (!writable.ok()) return writable.error();
  const bool is_new = !exists || std::filesystem::file_size(path, ignored) == 0;
  if (!is_new) {
    Status checked = CheckExistingFile(path);
    if (!checked.ok()) return checked.error();
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string reason = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return StoreError(path, "cannot be opened: " + reason);
  }
  std::unique_ptr<Store> store(new Store(path, db));
  sqlite3_busy_timeout(store->handle(), kBusyTimeoutMs);
  if (is_new) {  // before WAL: a WAL store's page size is fixed
    Status sized = store->Execute("PRAGMA page_size = " + std::to_string(kNewStorePageSize));
    if (!sized.ok()) return sized.error();
  }
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
    Status status = store->Execute(pragma);
    if (!status.ok()) return status.error();
  }
  Status logged = SwitchToWal(*store, std::chrono::milliseconds(kBusyTimeoutMs));
  if (!logged.ok()) return logged.error();
  // Another process may migrate at the same time: re-read the version inside
  // the write transaction so each migration runs exactly once.
  for (int version = store->schema_version() + 1; version <= kCurrentSchemaVersion; ++version) {
    Status migrated = store->InTransaction([&]() -> Status {
      if (ReadUserVersion(store->handle()) >= version) return Status::Ok();
      Status status = store->Execute(std::string(SchemaMigrationSql(version)));
      if (status.ok()) status = SchemaMigrationCode(*store, version);
      if (!status.ok()) return status;
      if (version == 1) {
        status = store->Execute("PRAGMA application_id = " + std::to_string(kStoreApplicationId));
        if (!status.ok()) return status;
      }
      return store->Execute("PRAGMA user_version = " + std::to_string(version));
    });
    if (!migrated.ok()) return migrated.error();
  }
  return store;
}

Store::Store(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

Store::Store(std::string path, std::unique_ptr<PostgresqlConnection> postgresql)
    : path_(std::move(path)), postgresql_(std::move(postgresql)) {}

Store::~Store() {
  statements_.reset();  // finalizes the kept statements
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

int Store::schema_version() const {
  if (postgresql_) return postgresql_->SchemaVersion();
  return ReadUserVersion(db_);
}

int64_t Store::LastInsertId() {
  if (postgresql_) return postgresql_->last_insert_id();
  return sqlite3_last_insert_rowid(db_);
}

int64_t Store::ChangedRows() {
  if (postgresql_) return postgresql_->changed_rows();
  return sqlite3_changes(db_);
}

bool Store::InOpenTransaction() {
  if (postgresql_) return postgresql_->InTransaction();
  return sqlite3_get_autocommit(db_) == 0;
}

void Store::SetCommitHooks(int (*on_commit)(void*), void (*on_rollback)(void*), void* argument) {
  if (postgresql_) {
    on_commit_ = on_commit;
    on_rollback_ = on_rollback;
    hook_argument_ = argument;
    return;
  }
  sqlite3_commit_hook(db_, on_commit, argument);
  sqlite3_rollback_hook(db_, on_rollback, argument);
}

// PostgreSQL's server keeps its own caches; this tuning is SQLite's.
Status Store::PrepareForScatteredReads() {
  if (postgresql_) return Status::Ok();
  Status unmapped = Execute("PRAGMA mmap_size = 0");
  if (!unmapped.ok()) return unmapped;
  return Execute("PRAGMA cache_size = -" + std::to_string(kScatteredReadCacheKib));
}

Status Store::PrepareForOrderedLookups() {
  if (postgresql_) return Status::Ok();
  return Execute("PRAGMA cache_size = -" + std::to_string(kOrderedLookupCacheKib));
}

Result<bool> Store::LeaveWalForBulkWrite() {
  if (postgresql_) return false;
  // SQLite answers a switch it cannot make at once (another connection has
  // the file open) with "database is locked", without waiting.
  if (!Execute("PRAGMA journal_mode = DELETE").ok() || JournalMode(db_) != "delete") return false;
  Status synced = Execute("PRAGMA synchronous = FULL");
  if (!synced.ok()) return synced.error();
  return true;
}

// Whether `table` holds no row, on SQLite; the statement is finalized at
// once, since an open statement keeps the file from leaving WAL.
Result<bool> Store::IsEmptySqliteTable(std::string_view table) {
  const std::string sql = "SELECT NOT EXISTS (SELECT 1 FROM " + std::string(table) + ")";
  sqlite3_stmt* select = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &select, nullptr);
  const bool empty = rc == SQLITE_OK && (rc = sqlite3_step(select)) == SQLITE_ROW &&
                     sqlite3_column_int(select, 0) == 1;
  const bool failed = rc != SQLITE_OK && rc != SQLITE_ROW;
  sqlite3_finalize(select);
  if (failed) return StoreError(path_, DescribeSqliteError(db_, sqlite3_errmsg(db_)));
  return empty;
}

Status Store::InBulkWriteIfEmpty(std::string_view table, const std::function<Status()>& work) {
  if (postgresql_) return work();
  Result<bool> empty = IsEmptySqliteTable(table);
  if (!empty.ok()) return empty.error();
  Result<bool> left = empty.value() ? LeaveWalForBulkWrite() : Result<bool>(false);
  if (!left.ok()) return left.error();
  Status done = work();
  if (left.value()) {
    Status logged = ReturnToWal();
    (void)logged;  // another program holds the file: its Store::Open switches back
  }
  return done;
}

Status Store::ReturnToWal() {
  if (postgresql_) return Status::Ok();
  // Unsynced commits only once WAL took: in the rollback journal they
  // would not survive a power cut.
  Status switched = SwitchToWal(*this, std::chrono::milliseconds(0));
  if (!switched.ok()) return switched;
  return Execute("PRAGMA synchronous = NORMAL");
}

// Opened stores use synchronous = NORMAL: in WAL mode a commit survives a
// crash of the program but may be lost with the machine's power.
Status Store::RequireDurableCommits() {
  if (postgresql_) return Status::Ok();
  return Execute("PRAGMA synchronous = FULL");
}

Status Store::Execute(const std::string& sql) {
  if (postgresql_) return postgresql_->Execute(sql);
  char* message = nullptr;
  if (sqlite3_exec(handle(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message != nullptr ? message : "unknown SQLite error";
    sqlite3_free(message);
    return StoreError(path_, DescribeSqliteError(handle(), text));
  }
  return Status::Ok();
}

Status Store::InTransaction(const std::function<Status()>& work) {
  return RunTransaction(postgresql_ ? std::string(PostgresqlBeginWrite()) : "BEGIN IMMEDIATE",
                        work);
}

Status Store::InSnapshot(const std::function<Status()>& work) {
  if (InOpenTransaction()) return work();
  return RunTransaction(postgresql_ ? std::string(PostgresqlBeginSnapshot()) : "BEGIN", work);
}

Status Store::Commit() {
  if (postgresql_) {
    // PostgreSQL answers COMMIT of a failed transaction with a rollback,
    // not an error; and it has no commit hook of its own.
    if (postgresql_->InFailedTransaction()) {
      return StoreError(path_, "database error: the transaction failed and was rolled back");
    }
    if (on_commit_ != nullptr && on_commit_(hook_argument_) != 0) {
      return StoreError(path_, "database error: constraint failed");
    }
  }
  return Execute("COMMIT");
}

void Store::RollBack() {
  (void)Execute("ROLLBACK");
  if (postgresql_ && on_rollback_ != nullptr) on_rollback_(hook_argument_);
}

Status Store::RunTransaction(const std::string& begin, const std::function<Status()>& work) {
  // Inside a caller's transaction (a test or benchmark batching many
  // changes), a savepoint keeps this work atomic within it.
  const bool nested = InOpenTransaction();
  Status begun = Execute(nested ? "SAVEPOINT nested_work" : begin);
  if (!begun.ok()) return begun;
  // A failed rollback leaves nothing to do: the error that caused it is the
  // one to report, and the database rolls back on close anyway.
  auto roll_back = [&] {
    if (nested) {
      (void)Execute("ROLLBACK TO nested_work; RELEASE nested_work");
    } else {
      RollBack();
    }
  };
  Status outcome = Status::Ok();
  try {
    outcome = work();
  } catch (const Poco::Exception& e) {
    outcome = StoreError(path_, "database error: " + e.displayText());
  } catch (...) {
    roll_back();
    throw;
  }
  if (!outcome.ok()) {
    roll_back();
    return outcome;
  }
  Status committed = nested ? Execute("RELEASE nested_work") : Commit();
  if (!committed.ok()) roll_back();
  return committed;
}

}  // namespace clusterpilot
