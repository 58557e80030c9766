// The forward-only schema migrations of the store. Migration N brings a store
// from schema version N-1 to N; each runs in its own transaction together with
// the PRAGMA user_version bump, so a store is always at a whole version.
#ifndef CLUSTERPILOT_STORE_SCHEMA_MIGRATIONS_H_
#define CLUSTERPILOT_STORE_SCHEMA_MIGRATIONS_H_

#include <string_view>

namespace clusterpilot {

// The SQL of migration `version` (1..kCurrentSchemaVersion).
std::string_view SchemaMigrationSql(int version);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_SCHEMA_MIGRATIONS_H_
