// The forward-only schema migrations of the store. Migration N brings a store
// from schema version N-1 to N; each runs in its own transaction together with
// the PRAGMA user_version bump, so a store is always at a whole version.
#ifndef CLUSTERPILOT_STORE_SCHEMA_MIGRATIONS_H_
#define CLUSTERPILOT_STORE_SCHEMA_MIGRATIONS_H_

#include <string_view>

#include "core/error.h"

namespace clusterpilot {

class Store;

// The SQL of migration `version` (1..kCurrentSchemaVersion).
std::string_view SchemaMigrationSql(int version);

// The PostgreSQL form of migration `version`, for the versions after
// kPostgresqlBaseVersion (a PostgreSQL store starts there); empty for the
// others, and for a version whose PostgreSQL form is missing.
std::string_view PostgresqlMigrationSql(int version);

// What migration `version` does after its SQL that SQL cannot do (version 4
// computes SHA-256 chain hashes), in the same transaction. Ok when nothing.
Status SchemaMigrationCode(Store& store, int version);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_SCHEMA_MIGRATIONS_H_
