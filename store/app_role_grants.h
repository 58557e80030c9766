// Database-enforced audit on PostgreSQL: the privileges of the role the
// application connects as. It may read and write the store's tables, but on
// audit_log only SELECT and INSERT: no UPDATE, DELETE or TRUNCATE, whatever
// the program does, so an entry once written stays (the chain hash of
// store/audit_log_chain.h still proves the order and content). The tables
// are owned by another role (the DBA's), which runs the migrations.
#ifndef CLUSTERPILOT_STORE_APP_ROLE_GRANTS_H_
#define CLUSTERPILOT_STORE_APP_ROLE_GRANTS_H_

#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

class Store;

// The statements, in order, that leave `role` exactly those privileges on
// `store`'s tables (every table the catalogue names; a REVOKE first, so
// running them again or after a schema change gives the same result).
// `role` must be a plain name (letters, digits, _), else an error naming it.
Result<std::vector<std::string>> AppRoleGrants(Store& store, const std::string& role);

// Runs the statements in one transaction, as the connected (owning) role.
Status ApplyAppRoleGrants(Store& store, const std::vector<std::string>& statements);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_APP_ROLE_GRANTS_H_
