#include "store/postgresql_query_plan.h"

#include <libpq-fe.h>

#include <algorithm>
#include <string_view>

#include "store/postgresql_connection.h"
#include "store/sql_dialect.h"

namespace clusterpilot {
namespace {

constexpr std::string_view kSeqScan = "Seq Scan on ";
constexpr std::string_view kIndexScans[] = {"Index Scan using ", "Index Only Scan using ",
                                            "Index Scan Backward using ",
                                            "Index Only Scan Backward using "};

// A step of the plan that reads a table: its table and alias, and whether it
// reads all of it.
struct TableStep {
  std::string table;
  std::string alias;
  bool whole = false;
};

// "measurement m  (cost=...)" after "on ": the table and its alias.
void ReadTableAndAlias(std::string_view rest, TableStep* step) {
  rest = rest.substr(0, rest.find("  ("));
  const size_t space = rest.find(' ');
  step->table = std::string(rest.substr(0, space));
  step->alias = space == std::string_view::npos ? step->table : std::string(rest.substr(space + 1));
}

// The table step a node line of EXPLAIN's text starts, if it is one.
bool ParseNode(std::string_view node, TableStep* step) {
  if (node.starts_with(kSeqScan)) {
    ReadTableAndAlias(node.substr(kSeqScan.size()), step);
    step->whole = true;
    return true;
  }
  for (std::string_view scan : kIndexScans) {
    if (!node.starts_with(scan)) continue;
    const size_t on = node.find(" on ", scan.size());
    if (on == std::string_view::npos) return false;
    ReadTableAndAlias(node.substr(on + 4), step);
    step->whole = true;  // until an Index Cond line says otherwise
    return true;
  }
  return false;
}

std::vector<TableStep> TableSteps(const std::vector<std::string>& lines) {
  std::vector<TableStep> steps;
  bool in_step = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
    const bool node = i == 0 || line.starts_with("->");
    if (node) {
      if (line.starts_with("->"))
        line.remove_prefix(std::min(line.find_first_not_of("-> "), line.size()));
      TableStep step;
      in_step = ParseNode(line, &step);
      if (in_step) steps.push_back(step);
    } else if (in_step && line.starts_with("Index Cond: ")) {
      steps.back().whole = false;
    }
  }
  return steps;
}

Result<std::vector<std::string>> ExplainGeneric(PostgresqlConnection& connection,
                                                const std::string& sql) {
  int parameters = 0;
  const std::string prepared = ToPostgresql(sql, &parameters);
  std::string nulls;
  for (int i = 0; i < parameters; ++i) nulls += i == 0 ? "NULL" : ", NULL";
  Status set = connection.Execute(
      "SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan; "
      "PREPARE cp_plan_check AS " +
      prepared);
  std::vector<std::string> lines;
  if (set.ok()) {
    Result<pg_result*> plan = connection.RunOnce(
        "EXPLAIN EXECUTE cp_plan_check" + (parameters > 0 ? "(" + nulls + ")" : std::string()), {},
        {}, {});
    if (!plan.ok()) {
      set = plan.error();
    } else {
      for (int row = 0; row < PQntuples(plan.value()); ++row) {
        lines.emplace_back(PQgetvalue(plan.value(), row, 0));
      }
      PQclear(plan.value());
    }
  }
  // The connection's own prepared statements stay; only this one goes.
  (void)connection.Execute("RESET enable_seqscan; RESET plan_cache_mode; DEALLOCATE cp_plan_check");
  if (!set.ok()) return set.error();
  return lines;
}

}  // namespace

Result<std::vector<std::string>> PostgresqlFullScans(PostgresqlConnection& connection,
                                                     const std::string& sql,
                                                     const std::vector<std::string>& small_tables) {
  Result<std::vector<std::string>> lines = ExplainGeneric(connection, sql);
  if (!lines.ok()) return lines.error();
  std::vector<std::string> scans;
  for (const TableStep& step : TableSteps(lines.value())) {
    if (!step.whole) continue;
    if (std::find(small_tables.begin(), small_tables.end(), step.table) != small_tables.end()) {
      continue;
    }
    scans.push_back("SCAN " + step.alias);
  }
  return scans;
}

}  // namespace clusterpilot
