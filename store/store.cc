#include "store/store.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "store/schema_migrations.h"

namespace clusterpilot {
namespace {

constexpr int kBusyTimeoutMs = 30000;

Error StoreError(const std::string& path, std::string message) {
  Error error;
  error.file = path;
  error.message = std::move(message);
  return error;
}

bool HasSqliteHeader(const std::string& path) {
  char header[16] = {};
  std::ifstream file(path, std::ios::binary);
  file.read(header, sizeof header);
  return file.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

// Reads one integer pragma through a read-only connection, so probing a file
// that turns out not to be ours never writes to it.
bool ReadPragmas(const std::string& path, int* application_id, int* user_version) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
  auto read = [&](const char* sql, int* out) {
    sqlite3_stmt* statement = nullptr;
    ok = ok && sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
         sqlite3_step(statement) == SQLITE_ROW;
    if (ok) *out = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
  };
  read("PRAGMA application_id", application_id);
  read("PRAGMA user_version", user_version);
  sqlite3_close(db);
  return ok;
}

// Checks an existing, non-empty file before anything is written to it.
Status CheckExistingFile(const std::string& path) {
  const std::string untouched = "; the file was left unchanged";
  if (!HasSqliteHeader(path)) {
    return StoreError(path, "is not a clusterpilot store (not an SQLite database)" + untouched);
  }
  int application_id = 0;
  int user_version = 0;
  if (!ReadPragmas(path, &application_id, &user_version)) {
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

// Ends a transaction that failed. SQLite may have rolled it back itself
// (then ROLLBACK fails with "no transaction is active"), and the failure that
// brought us here is the one to report, so ROLLBACK's own outcome is dropped
// on purpose.
void RollBackAfterFailure(Store& store) { static_cast<void>(store.Execute("ROLLBACK")); }

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenMode mode) {
  ConfigureSqliteOnce();
  std::error_code ignored;
  const bool exists = std::filesystem::exists(path, ignored);
  if (!exists && mode == OpenMode::kMustExist) {
    return StoreError(path, "no store here yet; import an export first (clusterpilot import --db " +
                                path + " FILE)");
  }
  if (exists && std::filesystem::file_size(path, ignored) > 0) {
    Status checked = CheckExistingFile(path);
    if (!checked.ok()) return checked.error();
  }
  std::unique_ptr<Store> store;
  try {
    Poco::Data::SQLite::Connector::registerConnector();
    auto session = std::make_unique<Poco::Data::Session>("SQLite", path);
    store.reset(new Store(path, std::move(session)));
  } catch (const Poco::Exception& e) {
    return StoreError(path, "cannot be opened: " + e.displayText());
  }
  sqlite3_busy_timeout(store->handle(), kBusyTimeoutMs);
  for (const char* pragma :
       {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
    Status status = store->Execute(pragma);
    if (!status.ok()) return status.error();
  }
  // Another process may migrate at the same time: re-read the version inside
  // the write transaction so each migration runs exactly once.
  for (int version = store->schema_version() + 1; version <= kCurrentSchemaVersion; ++version) {
    Status migrated = store->InTransaction([&]() -> Status {
      if (ReadUserVersion(store->handle()) >= version) return Status::Ok();
      Status status = store->Execute(std::string(SchemaMigrationSql(version)));
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

Store::Store(std::string path, std::unique_ptr<Poco::Data::Session> session)
    : path_(std::move(path)), session_(std::move(session)) {}

Store::~Store() = default;

int Store::schema_version() const { return ReadUserVersion(const_cast<Store*>(this)->handle()); }

sqlite3* Store::handle() { return Poco::Data::SQLite::Utility::dbHandle(*session_); }

Status Store::Execute(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(handle(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message != nullptr ? message : "unknown SQLite error";
    sqlite3_free(message);
    return StoreError(path_, "database error: " + text);
  }
  return Status::Ok();
}

Status Store::InTransaction(const std::function<Status()>& work) {
  Status begun = Execute("BEGIN IMMEDIATE");
  if (!begun.ok()) return begun;
  Status outcome = Status::Ok();
  try {
    outcome = work();
  } catch (const Poco::Exception& e) {
    outcome = StoreError(path_, "database error: " + e.displayText());
  } catch (...) {
    RollBackAfterFailure(*this);
    throw;
  }
  if (!outcome.ok()) {
    RollBackAfterFailure(*this);
    return outcome;
  }
  Status committed = Execute("COMMIT");
  if (!committed.ok()) RollBackAfterFailure(*this);
  return committed;
}

}  // namespace clusterpilot
