#include "store/report_queries.h"

#include <algorithm>

#include "store/care_coordination.h"
#include "store/classification_table.h"
#include "store/month_snapshot.h"
#include "store/month_summary.h"
#include "store/postgresql_query_plan.h"
#include "store/rating_lookup.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// "SCAN m USING INDEX x" or "SCAN TABLE m" (older SQLite): the table's name
// or alias, or "" when the step is no scan of a table (a subquery, a view).
std::string ScannedTable(const std::string& detail) {
  if (detail.rfind("SCAN ", 0) != 0) return "";
  std::string rest = detail.substr(5);
  if (rest.rfind("TABLE ", 0) == 0) rest = rest.substr(6);
  if (rest.rfind("CONSTANT ROW", 0) == 0 || rest.rfind("SUBQUERY", 0) == 0) return "";
  return rest.substr(0, rest.find(' '));
}

}  // namespace

std::vector<std::string> ReportQueries(SqlDialect dialect) {
  std::vector<std::string> queries = MonthSnapshotQueries(dialect);
  queries.push_back(CurrentClusterModelQuery());
  for (std::string& sql : RatingLookupQueries()) queries.push_back(std::move(sql));
  for (std::string& sql : CareCoordinationQueries()) queries.push_back(std::move(sql));
  for (std::string& sql : MonthSummaryQueries()) queries.push_back(std::move(sql));
  return queries;
}

Result<std::vector<std::string>> FullScans(Store& store, const std::string& sql,
                                           const std::vector<std::string>& small_tables) {
  if (store.postgresql() != nullptr)
    return PostgresqlFullScans(*store.postgresql(), sql, small_tables);
  SqlStatement plan(store, "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> scans;
  while (plan.Step()) {
    const std::string detail(plan.Text(3));
    const std::string table = ScannedTable(detail);
    if (!table.empty() &&
        std::find(small_tables.begin(), small_tables.end(), table) == small_tables.end()) {
      scans.push_back(detail);
    }
  }
  if (!plan.status().ok()) return plan.status().error();
  return scans;
}

}  // namespace clusterpilot
