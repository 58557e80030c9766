// Where a store lives: an SQLite file (the default) or a PostgreSQL database
// named by a URL, postgresql://USER@HOST:PORT/DBNAME, optionally with
// ?host=/socket/dir for a server reached by its Unix socket.
//
// A password in the URL is refused: libpq reads it from ~/.pgpass or the
// file PGPASSFILE names, so it never appears on a command line, in a
// process list or in a message.
#ifndef CLUSTERPILOT_STORE_STORE_LOCATION_H_
#define CLUSTERPILOT_STORE_STORE_LOCATION_H_

#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

struct StoreLocation {
  enum class Kind { kSqliteFile, kPostgresql };
  Kind kind = Kind::kSqliteFile;
  std::string file;  // the SQLite file, as given

  // PostgreSQL; an empty part is left to libpq's defaults (PGUSER, PGHOST...).
  std::string user;
  std::string host;  // a name or address, or the socket folder from ?host=
  std::string port;
  std::string database;

  bool is_postgresql() const { return kind == Kind::kPostgresql; }
  // How messages name the store: the file, or the URL (never a password).
  std::string Name() const;
  // The libpq keyword string ("host=... port=... dbname=... user=...").
  std::string ConnectionString() const;
};

// True when `text` is meant as a PostgreSQL URL (postgresql:// or
// postgres://), whether or not it is well formed.
bool IsPostgresqlUrl(std::string_view text);

// Reads --db or store.url. Anything that is not a PostgreSQL URL is a file
// path. Errors name the URL without its password, e.g.
// `postgresql://ana@db:5432/pilot: a password in the URL is not accepted; ...`.
Result<StoreLocation> ParseStoreLocation(std::string_view text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_STORE_LOCATION_H_
