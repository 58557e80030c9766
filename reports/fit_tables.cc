#include "reports/fit_tables.h"

#include <algorithm>

#include "core/cluster_assignment.h"
#include "reports/cell_meanings.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

// "no_fit" -> "No fit".
std::string FlagLabel(uint32_t flag) {
  std::string label(FitFlagName(flag));
  std::replace(label.begin(), label.end(), '_', ' ');
  label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

std::vector<ReportColumn> FitColumns() {
  std::vector<ReportColumn> columns = {
      Column(col::kClassified, "Patients classified", CellKind::kCount)};
  for (uint32_t flag : kAllFitFlags) {
    columns.push_back(Column(std::string(FitFlagName(flag)), FlagLabel(flag), CellKind::kCount));
  }
  columns.push_back(Column(col::kPoorFit, "Poor fit (any)", CellKind::kCount));
  columns.push_back(Column(col::kPoorFitShare, "Poor fit share", CellKind::kPercent));
  return columns;
}

std::vector<ReportCell> FitCells(const FitCounts& fit) {
  std::vector<ReportCell> cells = {ReportCell::Count(fit.classified)};
  for (int64_t count : fit.by_flag) cells.push_back(ReportCell::Count(count));
  cells.push_back(ReportCell::Count(fit.poor_fit));
  cells.push_back(ReportCell::Percent(fit.poor_fit, fit.classified));
  return cells;
}

TableRelations FitRelations(const ReportTable& table) {
  std::vector<std::string> summed = {col::kClassified, col::kPoorFit};
  for (uint32_t flag : kAllFitFlags) summed.emplace_back(FitFlagName(flag));
  TableRelations relations{DepartmentColumnSums(table, summed), {}, {}};
  for (const std::string& key : summed) AddMeanings(table, key, OwnCount("fit_" + key), &relations);
  AppendLinks(LinksInEveryRow(table, col::kPoorFit, {col::kPoorFitShare}), &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kClassified, {col::kPoorFitShare}), &relations.links);
  return relations;
}

// Department rows (not the institution's, the last) whose share is shown,
// worst first; equal shares keep the table's order.
std::vector<int> RankedRows(const ReportTable& fit) {
  const int share = fit.ColumnOf(col::kPoorFitShare);
  std::vector<int> ranked;
  for (int row = 0; row + 1 < static_cast<int>(fit.rows.size()); ++row) {
    const ReportCell& cell = fit.At(row, share);
    if (cell.kind == CellKind::kPercent && !cell.Hidden()) ranked.push_back(row);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](int a, int b) { return fit.At(a, share).real > fit.At(b, share).real; });
  return ranked;
}

}  // namespace

DraftTable FitTable(const MonthlyFigures& figures) {
  ReportTable table{table_id::kFit,
                    "Poorly fitting profiles",
                    "Patients the classifier flagged, per flag (a patient can carry several). "
                    "Poor fit: atypical, no fitting cluster or supercluster conflict.",
                    "",
                    FitColumns(),
                    {}};
  AddDepartmentRows(
      figures, [](const DepartmentFigures& d) { return FitCells(d.fit); }, &table);
  TableRelations relations = FitRelations(table);
  return {std::move(table), std::move(relations)};
}

DraftTable FitRankingTable(const ReportTable& published_fit) {
  const ReportTable& fit = published_fit;
  ReportTable table{table_id::kFitRanking,
                    "Where the model fits worst",
                    "Departments ranked by their share of poorly fitting patients (departments "
                    "whose numbers are hidden are left out).",
                    "Department",
                    {Column(col::kPoorFitShare, "Poor fit share", CellKind::kPercent),
                     Column(col::kPoorFit, "Poor fit (any)", CellKind::kCount),
                     Column(col::kClassified, "Patients classified", CellKind::kCount)},
                    {}};
  for (int row : RankedRows(fit)) {
    table.rows.push_back(ReportRow{fit.rows[row].key,
                                   fit.rows[row].label,
                                   RowStyle::kNormal,
                                   {fit.At(row, col::kPoorFitShare), fit.At(row, col::kPoorFit),
                                    fit.At(row, col::kClassified)}});
  }
  return {std::move(table), {}};
}

}  // namespace clusterpilot
