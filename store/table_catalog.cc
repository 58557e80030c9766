#include "store/table_catalog.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Every table of the schema, each after the tables its foreign keys name.
// A new table gets its place here (and in pseudonymised_copy.cc).
constexpr std::string_view kCopyOrder[] = {
    "import_batch",        "measurement",    "measurement_department",
    "latest_rating",       "rejected_row",   "cluster_model",
    "cluster_model_use",   "classification", "classification_progress",
    "clinician_override",  "audit_log",      "app_user",
    "app_user_department", "web_session",    "month_summary"};

int CopyRank(std::string_view table) {
  const auto* found = std::find(std::begin(kCopyOrder), std::end(kCopyOrder), table);
  return found == std::end(kCopyOrder) ? -1 : static_cast<int>(found - std::begin(kCopyOrder));
}

// The kind of a declared column type, by SQLite's affinity rules (which
// also read PostgreSQL's bigint, integer, double precision and text right).
ColumnKind KindOfDeclaredType(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (type.find("INT") != std::string::npos) return ColumnKind::kInteger;
  for (const char* real : {"REAL", "FLOA", "DOUB", "NUMERIC"}) {
    if (type.find(real) != std::string::npos) return ColumnKind::kReal;
  }
  return ColumnKind::kText;
}

// The catalogue queries are the one place where the two backends have no
// common SQL. PostgreSQL's clusterpilot_schema holds the schema version
// (SQLite's user_version): it belongs to the store, not to its data.
std::string_view TableNamesSql(SqlDialect dialect) {
  if (dialect == SqlDialect::kPostgresql) {
    return "SELECT table_name FROM information_schema.tables WHERE table_schema = "
           "current_schema() AND table_type = 'BASE TABLE' AND table_name <> "
           "'clusterpilot_schema' ORDER BY table_name";
  }
  return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
         "ORDER BY name";
}

std::string_view TableColumnsSql(SqlDialect dialect) {
  if (dialect == SqlDialect::kPostgresql) {
    return "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
           "current_schema() AND table_name = ? ORDER BY ordinal_position";
  }
  return "SELECT name, type FROM pragma_table_info(?) ORDER BY cid";
}

Result<std::vector<std::string>> TableNames(Store& store) {
  SqlStatement tables(store, TableNamesSql(store.dialect()));
  std::vector<std::string> names;
  while (tables.Step()) names.emplace_back(tables.Text(0));
  if (!tables.status().ok()) return tables.status().error();
  return names;
}

Result<std::vector<StoreColumn>> TableColumns(Store& store, const std::string& table) {
  SqlStatement columns(store, TableColumnsSql(store.dialect()));
  columns.BindText(1, table);
  std::vector<StoreColumn> result;
  while (columns.Step()) {
    result.push_back(
        {std::string(columns.Text(0)), KindOfDeclaredType(std::string(columns.Text(1)))});
  }
  if (!columns.status().ok()) return columns.status().error();
  return result;
}

}  // namespace

Result<std::vector<StoreTable>> ReadTableCatalog(Store& store) {
  auto names = TableNames(store);
  if (!names.ok()) return names.error();
  for (const std::string& name : names.value()) {
    if (CopyRank(name) < 0) {
      return FileError(store.path(), "table \"" + name +
                                         "\" has no place in the copy order; nothing was copied "
                                         "(add it to store/table_catalog.cc)");
    }
  }
  std::sort(names.value().begin(), names.value().end(),
            [](const std::string& a, const std::string& b) { return CopyRank(a) < CopyRank(b); });
  std::vector<StoreTable> tables;
  for (const std::string& name : names.value()) {
    auto columns = TableColumns(store, name);
    if (!columns.ok()) return columns.error();
    tables.push_back({name, std::move(columns).value()});
  }
  return tables;
}

}  // namespace clusterpilot
