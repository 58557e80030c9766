#include "reports/comparison_tables.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/care_cluster.h"
#include "reports/cell_meanings.h"
#include "reports/cluster_row_plan.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"
#include "reports/transition_tables.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

// More moves than this would bury the frequent ones in a long list.
constexpr size_t kMovesListed = 15;

std::vector<ReportCell> ChangeCells(const DepartmentFigures& d) {
  return {ReportCell::Count(d.patients), ReportCell::Count(d.change.in_both_months),
          ReportCell::Count(d.change.moved),
          ReportCell::Percent(d.change.moved, d.change.in_both_months)};
}

// Previous count and share, this month's count and share, and the change of
// the share in points; no change when either share does not exist.
std::vector<ReportCell> ShiftCells(int64_t before, int64_t before_total, int64_t now,
                                   int64_t now_total) {
  const ReportCell share_before = ReportCell::Percent(before, before_total);
  const ReportCell share_now = ReportCell::Percent(now, now_total);
  ReportCell change = ReportCell::Empty();
  if (share_before.kind == CellKind::kPercent && share_now.kind == CellKind::kPercent) {
    change = ReportCell::Decimal((share_now.real - share_before.real) * 100.0);
  }
  return {ReportCell::Count(before), share_before, ReportCell::Count(now), share_now, change};
}

ReportRow ShiftRow(const ClusterRowPlan& row, const ClusterCounts& before, const ClusterCounts& now,
                   size_t columns) {
  ReportRow out{row.key, row.label, row.style, {}};
  if (row.style == RowStyle::kGroup) {
    out.cells.assign(columns, ReportCell::Empty());
  } else {
    out.cells = ShiftCells(row.CountIn(before), before.Total(), row.CountIn(now), now.Total());
  }
  return out;
}

// In every row: each share with its count, the change with both shares.
std::vector<CellLink> ShiftLinks(const ReportTable& table) {
  const int previous = table.ColumnOf(col::kPrevious);
  const int previous_percent = table.ColumnOf(col::kPreviousPercent);
  const int current = table.ColumnOf(col::kCurrent);
  const int current_percent = table.ColumnOf(col::kCurrentPercent);
  const int change = table.ColumnOf(col::kChangePoints);
  std::vector<CellLink> links;
  for (int row = 0; row < static_cast<int>(table.rows.size()); ++row) {
    links.push_back({{row, previous}, {row, previous_percent}});
    links.push_back({{row, current}, {row, current_percent}});
    links.push_back({{row, previous_percent}, {row, change}});
    links.push_back({{row, current_percent}, {row, change}});
  }
  return links;
}

// This month's column is the distribution's institution column (same rows):
// it must not show what the distribution hides.
void HideAsDistribution(const ReportTable& distribution, ReportTable* shift) {
  const int institution = distribution.ColumnOf(kInstitution);
  const int current = shift->ColumnOf(col::kCurrent);
  for (int row = 0; row < static_cast<int>(shift->rows.size()); ++row) {
    const ReportCell& source = distribution.At(row, institution);
    ReportCell& cell = shift->At(row, current);
    if (source.Hidden() && !cell.Hidden()) cell.privacy = source.privacy;
  }
}

// Both months' counts are the departments' patients per cluster row; the
// previous month may hold departments this month lacks, counted apart.
std::vector<CellMeaning> ShiftMeanings(const MonthlyFigures& figures,
                                       const std::vector<ClusterRowPlan>& plan,
                                       const ReportTable& table) {
  std::vector<std::string> departments;
  for (const DepartmentFigures& d : figures.departments)
    departments.push_back(DepartmentKey(d.name));
  std::vector<CellMeaning> meanings =
      ClusterCountMeanings("patients", plan, departments, -1, table.ColumnOf(col::kCurrent));
  departments.emplace_back("departments_without_patients_this_month");
  AppendMeanings(
      ClusterCountMeanings("previous", plan, departments, -1, table.ColumnOf(col::kPrevious)),
      &meanings);
  return meanings;
}

// Moves by their number of patients, most first; equal ones keep their
// (from, to) order.
std::vector<std::pair<std::pair<int, int>, int64_t>> MovesByFrequency(
    const std::map<std::pair<int, int>, int64_t>& moves) {
  std::vector<std::pair<std::pair<int, int>, int64_t>> sorted(moves.begin(), moves.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return sorted;
}

ReportRow MoveRow(std::pair<int, int> clusters, int64_t patients) {
  const std::string label =
      std::to_string(clusters.first) + " \xE2\x86\x92 " + std::to_string(clusters.second);
  return ReportRow{MoveRowKey(clusters.first, clusters.second),
                   label,
                   RowStyle::kNormal,
                   {ReportCell::Count(patients)}};
}

// A department's cells of the transitions table that `pick` keeps.
DepartmentTerms DepartmentTransitions(const MonthlyFigures& figures, TransitionPick pick) {
  return [&figures, reached = ClustersReached(figures),
          pick = std::move(pick)](const std::string& department_key) {
    for (const DepartmentFigures& department : figures.departments) {
      if (DepartmentKey(department.name) == department_key) {
        return TransitionTerms(reached, department, pick);
      }
    }
    return QuantityTerms{};
  };
}

// Every department's cells of the transitions table that `pick` keeps, the
// table's columns being `reached`.
QuantityTerms InstitutionTransitions(const MonthlyFigures& figures, const std::set<int>& reached,
                                     const TransitionPick& pick) {
  QuantityTerms terms;
  for (const DepartmentFigures& department : figures.departments) {
    QuantityTerms own = TransitionTerms(reached, department, pick);
    terms.insert(terms.end(), own.begin(), own.end());
  }
  return terms;
}

// All moves = the listed ones + other moves.
TableSum MovesSum(const ReportTable& table) {
  TableSum sum{{static_cast<int>(table.rows.size()) - 1, 0}, {}};
  for (int row = 0; row + 1 < static_cast<int>(table.rows.size()); ++row) {
    sum.parts.push_back({row, 0});
  }
  return sum;
}

}  // namespace

DraftTable ChangesTable(const MonthlyFigures& figures) {
  const std::string window = std::to_string(figures.valid_rating_months) + " months";
  ReportTable table{
      table_id::kChanges,
      "Re-rated patients and moved clusters",
      "Each patient rated this month against their own previous rating in the same "
      "department (the latest in the " +
          window +
          " before this month). Re-rated: patients with such a previous rating. Moved "
          "cluster: of those, the patients whose cluster differs (both ratings with a "
          "cluster).",
      "",
      {Column(col::kPatients, "Patients rated this month", CellKind::kCount),
       Column(col::kRerated, "Re-rated (with a previous rating)", CellKind::kCount),
       Column(col::kMoved, "Moved cluster", CellKind::kCount),
       Column(col::kMovedShare, "Share moved", CellKind::kPercent)},
      {}};
  AddDepartmentRows(figures, ChangeCells, &table);
  TableRelations relations{
      DepartmentColumnSums(table, {col::kPatients, col::kRerated, col::kMoved}), {}, {}};
  AddMeanings(table, col::kPatients, AllPatients("patients"), &relations);
  AddMeanings(table, col::kRerated, DepartmentTransitions(figures, AnyTransition), &relations);
  AddMeanings(table, col::kMoved, DepartmentTransitions(figures, IsCareClusterMove), &relations);
  AppendLinks(LinksInEveryRow(table, col::kMoved, {col::kMovedShare}), &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kRerated, {col::kMovedShare}), &relations.links);
  return {std::move(table), std::move(relations)};
}

DraftTable ClusterShiftTable(const MonthlyFigures& figures,
                             const ReportTable& published_distribution) {
  const std::vector<ClusterRowPlan>& plan = ClusterRows();
  ReportTable table{table_id::kClusterShift,
                    "Distribution shift since " + figures.previous_month.Name(),
                    "Institution-wide patients per cluster in both months; change in "
                    "percentage points of all patients.",
                    "Cluster",
                    {Column(col::kPrevious, "Previous month", CellKind::kCount),
                     Column(col::kPreviousPercent, "Previous %", CellKind::kPercent),
                     Column(col::kCurrent, "This month", CellKind::kCount),
                     Column(col::kCurrentPercent, "This month %", CellKind::kPercent),
                     Column(col::kChangePoints, "Change (points)", CellKind::kDecimal)},
                    {}};
  for (const ClusterRowPlan& row : plan) {
    table.rows.push_back(ShiftRow(row, figures.previous_clusters, figures.institution.clusters,
                                  table.columns.size()));
  }
  HideAsDistribution(published_distribution, &table);
  TableRelations relations{
      ClusterColumnSums(plan, {table.ColumnOf(col::kPrevious), table.ColumnOf(col::kCurrent)}),
      ShiftLinks(table), ShiftMeanings(figures, plan, table)};
  return {std::move(table), std::move(relations)};
}

DraftTable MovesTable(const MonthlyFigures& figures, int suppress_below) {
  ReportTable table{table_id::kMoves,
                    "Moves between clusters since the previous rating",
                    "The most frequent moves of re-rated patients, from their previous rating's "
                    "cluster to this month's; moves of fewer patients are counted together.",
                    "From cluster to cluster",
                    {Column(col::kPatients, "Patients", CellKind::kCount)},
                    {}};
  int64_t other = 0;
  int64_t all = 0;
  // Each row sums the transitions table's cells of its move over the
  // departments, so the audit sees what a listed move adds to them.
  TableRelations relations;
  const std::set<int> reached = ClustersReached(figures);
  std::set<std::pair<int, int>> listed;
  for (const auto& [clusters, patients] : MovesByFrequency(figures.moves)) {
    all += patients;
    if (patients < suppress_below || table.rows.size() >= kMovesListed) {
      other += patients;
      continue;
    }
    table.rows.push_back(MoveRow(clusters, patients));
    listed.insert(clusters);
    relations.meanings.push_back(CellMeaning{
        {static_cast<int>(table.rows.size()) - 1, 0},
        InstitutionTransitions(figures, reached, [clusters = clusters](int from, int to) {
          return from == clusters.first && to == clusters.second;
        })});
  }
  table.rows.push_back(ReportRow{
      row_key::kOtherMoves, "Other moves", RowStyle::kNormal, {ReportCell::Count(other)}});
  relations.meanings.push_back(
      CellMeaning{{static_cast<int>(table.rows.size()) - 1, 0},
                  InstitutionTransitions(figures, reached, [&listed](int from, int to) {
                    return IsCareClusterMove(from, to) && listed.count({from, to}) == 0;
                  })});
  table.rows.push_back(
      ReportRow{row_key::kAllMoves, "All moves", RowStyle::kTotal, {ReportCell::Count(all)}});
  relations.meanings.push_back(
      CellMeaning{{static_cast<int>(table.rows.size()) - 1, 0},
                  InstitutionTransitions(figures, reached, IsCareClusterMove)});
  relations.sums = {MovesSum(table)};
  return {std::move(table), std::move(relations)};
}

}  // namespace clusterpilot
