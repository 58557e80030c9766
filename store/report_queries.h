// The statements a monthly report runs, gathered in one list so a test can
// ask SQLite how it plans each one: a month's report must read the month
// through indexes, never the whole history (issue 16).
#ifndef CLUSTERPILOT_STORE_REPORT_QUERIES_H_
#define CLUSTERPILOT_STORE_REPORT_QUERIES_H_

#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_dialect.h"

namespace clusterpilot {

class Store;

// Every SELECT on the report's path (month snapshot, current model, the
// rating look-ups for the revenue comparison), as the code runs it.
std::vector<std::string> ReportQueries(SqlDialect dialect);

// The steps of SQLite's plan for `sql` (EXPLAIN QUERY PLAN) that read a whole
// table or index ("SCAN ...") of a table not in `small_tables`: tables that
// grow with the history must be searched, not scanned. Empty when none; an
// error when the SQL does not prepare. On PostgreSQL the same from the
// server's generic plan (postgresql_query_plan.h), named as SQLite names it.
Result<std::vector<std::string>> FullScans(Store& store, const std::string& sql,
                                           const std::vector<std::string>& small_tables);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_REPORT_QUERIES_H_
