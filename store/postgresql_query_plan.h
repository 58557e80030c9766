// FullScans' PostgreSQL side (report_queries.h): which steps of the server's
// plan for a statement read a whole table, in SQLite's words ("SCAN m").
#ifndef CLUSTERPILOT_STORE_POSTGRESQL_QUERY_PLAN_H_
#define CLUSTERPILOT_STORE_POSTGRESQL_QUERY_PLAN_H_

#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

class PostgresqlConnection;

// The plan is the generic one (any parameter values), made with sequential
// scans priced out, so a scan left in it has no index to use; an index scan
// without an index condition reads the whole index and counts as a scan too.
// Each is named "SCAN " and the table's alias (or name) unless the table is
// one of `small_tables`. An error when the SQL does not prepare.
Result<std::vector<std::string>> PostgresqlFullScans(PostgresqlConnection& connection,
                                                     const std::string& sql,
                                                     const std::vector<std::string>& small_tables);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_POSTGRESQL_QUERY_PLAN_H_
