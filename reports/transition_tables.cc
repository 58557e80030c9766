#include "reports/transition_tables.h"

#include <set>

#include "reports/cluster_transitions.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

std::string ToKey(int cluster) { return "to:" + std::to_string(cluster); }

// "0" for no cluster: a number reads the same in both languages.
std::string ClusterText(int cluster) { return std::to_string(cluster); }

// The clusters reached (columns) and left (rows) anywhere, in order.
std::pair<std::set<int>, std::set<int>> ClustersUsed(const MonthlyFigures& figures) {
  std::set<int> reached;
  std::set<int> left;
  for (const DepartmentFigures& department : figures.departments) {
    for (const auto& [move, patients] : department.transitions) {
      left.insert(move.first);
      reached.insert(move.second);
    }
  }
  return {reached, left};
}

ReportRow MatrixRow(std::string key, std::string label, RowStyle style, int64_t rerated,
                    int64_t stayed, const std::vector<int64_t>& to) {
  ReportRow row{std::move(key), std::move(label), style, {}};
  row.cells.push_back(ReportCell::Count(rerated));
  row.cells.push_back(ReportCell::Percent(stayed, rerated));
  for (int64_t patients : to) row.cells.push_back(ReportCell::Count(patients));
  return row;
}

// The rows of one department, one per previous cluster. No total row: the
// changes table shows the department's re-rated patients.
void AddDepartment(const DepartmentFigures& department, const std::set<int>& reached,
                   const std::set<int>& left, ReportTable* table, TableRelations* relations) {
  for (int from : left) {
    std::vector<int64_t> to;
    int64_t rerated = 0;
    int64_t stayed = 0;
    for (int cluster : reached) {
      auto found = department.transitions.find({from, cluster});
      to.push_back(found == department.transitions.end() ? 0 : found->second);
      rerated += to.back();
      if (cluster == from && from != 0) stayed = to.back();
    }
    int64_t left_here = 0;
    for (const auto& [move, patients] : department.transitions) {
      if (move.first == from) left_here += patients;
    }
    if (left_here == 0) continue;
    table->rows.push_back(MatrixRow(
        "transition:" + department.name + "/from:" + std::to_string(from),
        department.name + " · " + ClusterText(from), RowStyle::kNormal, rerated, stayed, to));
    const int row = static_cast<int>(table->rows.size()) - 1;
    if (from == 0) table->rows.back().cells[1] = ReportCell::Empty();  // no cluster to stay in
    TableSum sum{{row, 0}, {}};
    int c = 2;
    for (int cluster : reached) {
      sum.parts.push_back({row, c});
      if (cluster == from && from != 0) relations->links.push_back(CellLink{{row, c}, {row, 1}});
      ++c;
    }
    relations->sums.push_back(std::move(sum));
    relations->links.push_back(CellLink{{row, 0}, {row, 1}});
  }
}

}  // namespace

// The table's own sums and links hide its small counts, but its cells carry
// no meanings for the report-wide audit yet (as the moves table): a
// department's matrix adds up to 21 x 21 quantities, and with them the
// demo's report took 3.9 s of CPU instead of 0.7 s, over the 3 s budget.
DraftTable TransitionsTable(const MonthlyFigures& figures) {
  const auto [reached, left] = ClustersUsed(figures);
  ReportTable table{
      table_id::kTransitions,
      "Transitions between clusters per department",
      "Each patient rated this month with a previous rating in the same department (the latest "
      "in the " +
          std::to_string(figures.valid_rating_months) +
          " months before this month): rows the cluster of that previous rating, columns this "
          "month's cluster; 0 is no cluster (none fits, or not classified). Stability: the share "
          "of the row that stayed in its cluster.",
      "Department · previous cluster",
      {},
      {}};
  table.columns.push_back(
      Column(col::kRerated, "Re-rated (with a previous rating)", CellKind::kCount));
  table.columns.push_back(Column(col::kStability, "Stability", CellKind::kPercent));
  for (int cluster : reached) {
    table.columns.push_back(
        Column(ToKey(cluster), "\xE2\x86\x92 " + ClusterText(cluster), CellKind::kCount));
  }
  TableRelations relations;
  for (const DepartmentFigures& department : figures.departments) {
    if (!department.transitions.empty()) {
      AddDepartment(department, reached, left, &table, &relations);
    }
  }
  return {std::move(table), std::move(relations)};
}

}  // namespace clusterpilot
