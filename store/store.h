// The embedded SQLite store: one file holding imported measurements, their
// classifications, clinicians' overrides and the audit log.
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

#include <functional>
#include <memory>
#include <string>

#include "core/error.h"

struct sqlite3;

namespace Poco::Data {
class Session;
}

namespace clusterpilot {

// The schema version this program writes; see store/schema_migrations.cc.
inline constexpr int kCurrentSchemaVersion = 4;

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

  // The Poco::Data session, for ordinary statements.
  Poco::Data::Session& session() { return *session_; }

  // The underlying connection, for the few hot loops where measurement showed
  // Poco's per-value binding costs too much. Owned by the session.
  sqlite3* handle();

  // Runs `work` inside one transaction (BEGIN IMMEDIATE): commits when it
  // returns ok, rolls back when it returns an error or throws.
  Status InTransaction(const std::function<Status()>& work);

  // Executes SQL without results (DDL, pragmas). Errors carry the SQLite
  // message.
  Status Execute(const std::string& sql);

 private:
  Store(std::string path, std::unique_ptr<Poco::Data::Session> session);

  std::string path_;
  std::unique_ptr<Poco::Data::Session> session_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_STORE_H_
