#include "store/app_role_grants.h"

#include <cctype>

#include "store/store.h"
#include "store/table_catalog.h"

namespace clusterpilot {
namespace {

constexpr char kAuditTable[] = "audit_log";

bool IsPlainName(const std::string& name) {
  if (name.empty() || name.size() > 63 || std::isdigit(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

}  // namespace

Result<std::vector<std::string>> AppRoleGrants(Store& store, const std::string& role) {
  if (!IsPlainName(role)) {
    Error error = MakeError(
        "not a role name this command writes into GRANTs; use letters, digits and _ "
        "(at most 63, not starting with a digit)");
    error.field = "--role";
    error.value = role;
    return error;
  }
  auto tables = ReadTableCatalog(store);
  if (!tables.ok()) return tables.error();
  const std::string to = " TO \"" + role + "\"";
  std::vector<std::string> statements = {
      "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM \"" + role + "\"",
      "GRANT USAGE ON SCHEMA public" + to};
  for (const StoreTable& table : tables.value()) {
    const std::string privileges =
        table.name == kAuditTable ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
    statements.push_back("GRANT " + privileges + " ON \"" + table.name + "\"" + to);
  }
  // The views the readers use (current_classification, ...) read tables the
  // role may read anyway.
  statements.push_back("GRANT SELECT ON ALL TABLES IN SCHEMA public" + to);
  return statements;
}

Status ApplyAppRoleGrants(Store& store, const std::vector<std::string>& statements) {
  return store.InTransaction([&]() -> Status {
    for (const std::string& statement : statements) {
      Status applied = store.Execute(statement);
      if (!applied.ok()) return applied;
    }
    return Status::Ok();
  });
}

}  // namespace clusterpilot
