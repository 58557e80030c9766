// The schema of a PostgreSQL store. A new PostgreSQL store starts at
// kPostgresqlBaseVersion directly, from one set of DDL with the same tables,
// columns, indexes, constraints and views as an SQLite store of that version
// (ids are BIGINT identities, text compares byte by byte as in SQLite); each
// later version has a PostgreSQL form beside its SQLite form in
// schema_migrations.cc. The version lives in the one-row table
// clusterpilot_schema, which also tells a clusterpilot database apart.
#ifndef CLUSTERPILOT_STORE_POSTGRESQL_SCHEMA_H_
#define CLUSTERPILOT_STORE_POSTGRESQL_SCHEMA_H_

#include <string_view>

namespace clusterpilot {

// The schema version the base DDL creates.
inline constexpr int kPostgresqlBaseVersion = 7;

// The DDL of a new PostgreSQL store at kPostgresqlBaseVersion, including
// clusterpilot_schema with that version.
std::string_view PostgresqlBaseSchemaSql();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_POSTGRESQL_SCHEMA_H_
