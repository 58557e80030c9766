#include "reports/transition_tables.h"

#include <map>
#include <set>

#include "core/care_cluster.h"
#include "reports/cluster_transitions.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

std::string ToKey(int cluster) { return "to:" + std::to_string(cluster); }

// "0" for no cluster: a number reads the same in both languages.
std::string ClusterText(int cluster) { return std::to_string(cluster); }

ReportRow MatrixRow(std::string key, std::string label, RowStyle style, int64_t rerated,
                    int64_t stayed, const std::vector<int64_t>& to) {
  ReportRow row{std::move(key), std::move(label), style, {}};
  row.cells.push_back(ReportCell::Count(rerated));
  row.cells.push_back(ReportCell::Percent(stayed, rerated));
  for (int64_t patients : to) row.cells.push_back(ReportCell::Count(patients));
  return row;
}

// The clusters the department's re-rated patients left: its rows.
std::set<int> LeftIn(const DepartmentFigures& department) {
  std::set<int> left;
  for (const auto& [move, patients] : department.transitions) {
    if (patients > 0) left.insert(move.first);
  }
  return left;
}

// Each cell of a row is one quantity; the row's re-rated patients their sum.
void AddRowMeanings(const std::string& department_key, int from, const std::set<int>& reached,
                    int row, TableRelations* relations) {
  CellMeaning rerated{{row, 0}, {}};
  int c = 2;
  for (int to : reached) {
    const QuantityTerm term = TransitionTerm(department_key, from, to);
    relations->meanings.push_back(CellMeaning{{row, c++}, {term}});
    rerated.terms.push_back(term);
  }
  relations->meanings.push_back(std::move(rerated));
}

// The department's patients in each cluster reached are at least its
// re-rated patients who reached it: the reader knows that too.
void AddArrivals(const std::string& key, const std::set<int>& left, const std::set<int>& reached,
                 TableRelations* relations) {
  std::map<int, QuantityTerms> arrivals;  // the no-cluster rows once, as 0
  for (int to : reached) {
    QuantityTerms& arrived = arrivals[IsCareCluster(to) ? to : 0];
    if (arrived.empty()) arrived = ArrivedTerms(key, to);
    for (int from : left) {
      QuantityTerm moved = TransitionTerm(key, from, to);
      moved.weight = -1;
      arrived.push_back(std::move(moved));
    }
  }
  for (auto& [cluster, terms] : arrivals) relations->never_negative.push_back(std::move(terms));
}

// The rows of one department, one per previous cluster. No total row: the
// changes table shows the department's re-rated patients.
void AddDepartment(const DepartmentFigures& department, const std::set<int>& reached,
                   ReportTable* table, TableRelations* relations) {
  const std::string key = DepartmentKey(department.name);
  const std::set<int> left = LeftIn(department);
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
    AddRowMeanings(key, from, reached, row, relations);
  }
  AddArrivals(key, left, reached, relations);
}

}  // namespace

bool AnyTransition(int, int) { return true; }

std::set<int> ClustersReached(const MonthlyFigures& figures) {
  std::set<int> reached;
  for (const DepartmentFigures& department : figures.departments) {
    for (const auto& [move, patients] : department.transitions) {
      if (patients > 0) reached.insert(move.second);
    }
  }
  return reached;
}

QuantityTerms TransitionTerms(const std::set<int>& reached, const DepartmentFigures& department,
                              const TransitionPick& pick) {
  const std::string key = DepartmentKey(department.name);
  QuantityTerms terms;
  for (int from : LeftIn(department)) {
    for (int to : reached) {
      if (pick(from, to)) terms.push_back(TransitionTerm(key, from, to));
    }
  }
  return terms;
}

DraftTable TransitionsTable(const MonthlyFigures& figures) {
  const std::set<int> reached = ClustersReached(figures);
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
      AddDepartment(department, reached, &table, &relations);
    }
  }
  return {std::move(table), std::move(relations)};
}

}  // namespace clusterpilot
