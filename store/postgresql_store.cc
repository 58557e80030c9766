// Store's PostgreSQL side: opening a database as a store, creating its
// schema and migrating it. The SQLite side is store.cc.
#include <string>

#include "store/postgresql_connection.h"
#include "store/postgresql_schema.h"
#include "store/schema_migrations.h"
#include "store/store.h"
#include "store/store_location.h"

namespace clusterpilot {
namespace {

constexpr const char* kUntouched = "; the database was left unchanged";

// Tables and views of the connection's schema, whoever made them.
constexpr const char* kCountRelations =
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f')";

Status CheckExistingDatabase(PostgresqlConnection& connection, const std::string& name,
                             Store::OpenMode mode, bool* is_new) {
  const int version = connection.SchemaVersion();
  if (version < 0) return FileError(name, "cannot read the store's schema version");
  if (version > kCurrentSchemaVersion) {
    return FileError(name, "was made by a newer clusterpilot (store version " +
                               std::to_string(version) + "; this program knows up to " +
                               std::to_string(kCurrentSchemaVersion) + "). Update clusterpilot" +
                               kUntouched);
  }
  *is_new = version == 0;
  if (version > 0) return Status::Ok();
  Result<int64_t> relations = connection.QueryInt(kCountRelations);
  if (!relations.ok()) return relations.error();
  if (relations.value() > 0) {
    return FileError(name, "is not a clusterpilot store (the database holds other tables)" +
                               std::string(kUntouched));
  }
  if (mode == Store::OpenMode::kMustExist) {
    return FileError(name, "no store here yet; import an export first (clusterpilot import --db " +
                               name + " FILE)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> Store::OpenPostgresql(const StoreLocation& location, OpenMode mode) {
  Result<std::unique_ptr<PostgresqlConnection>> connected = PostgresqlConnection::Open(location);
  if (!connected.ok()) return connected.error();
  const std::string name = location.Name();
  bool is_new = false;
  Status checked = CheckExistingDatabase(*connected.value(), name, mode, &is_new);
  if (!checked.ok()) return checked.error();
  std::unique_ptr<Store> store(new Store(name, std::move(connected).value()));
  Status migrated = store->MigratePostgresql();
  if (!migrated.ok()) return migrated.error();
  Status loaded = store->postgresql_->LoadIdentityTables();
  if (!loaded.ok()) return loaded.error();
  return store;
}

// Another process may create or migrate the same database at the same
// time: each step re-reads the version under the store's write lock, so it
// runs exactly once.
// A store at the current version takes no lock at all: a second connection
// of a process that holds the write lock (classify's reader) must open.
Status Store::MigratePostgresql() {
  if (postgresql_->SchemaVersion() == 0) {
    Status created = InTransaction([&]() -> Status {
      if (postgresql_->SchemaVersion() != 0) return Status::Ok();
      return Execute(std::string(PostgresqlBaseSchemaSql()));
    });
    if (!created.ok()) return created;
  }
  for (int version = schema_version() + 1; version <= kCurrentSchemaVersion; ++version) {
    Status migrated = InTransaction([&]() -> Status {
      if (postgresql_->SchemaVersion() >= version) return Status::Ok();
      const std::string_view sql = PostgresqlMigrationSql(version);
      if (sql.empty()) {
        return FileError(path_, "schema version " + std::to_string(version) +
                                    " has no PostgreSQL form in this clusterpilot; the store "
                                    "stays at version " +
                                    std::to_string(version - 1));
      }
      Status status = Execute(std::string(sql));
      if (status.ok()) status = SchemaMigrationCode(*this, version);
      if (!status.ok()) return status;
      return Execute("UPDATE clusterpilot_schema SET version = " + std::to_string(version));
    });
    if (!migrated.ok()) return migrated;
  }
  return Status::Ok();
}

}  // namespace clusterpilot
