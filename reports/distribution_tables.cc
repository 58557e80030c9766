#include "reports/distribution_tables.h"

#include "reports/cell_meanings.h"
#include "reports/cluster_row_plan.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

// The distribution's columns: the departments, then the institution.
std::vector<const DepartmentFigures*> ColumnFigures(const MonthlyFigures& figures) {
  std::vector<const DepartmentFigures*> columns;
  for (const DepartmentFigures& d : figures.departments) columns.push_back(&d);
  columns.push_back(&figures.institution);
  return columns;
}

std::vector<ReportColumn> DistributionColumns(const MonthlyFigures& figures) {
  std::vector<ReportColumn> columns;
  for (const DepartmentFigures& d : figures.departments) {
    columns.push_back(Column(DepartmentKey(d.name), d.name, CellKind::kCount));
  }
  columns.push_back(Column(kInstitution, "Institution", CellKind::kCount));
  return columns;
}

ReportRow DistributionRow(const ClusterRowPlan& row,
                          const std::vector<const DepartmentFigures*>& columns) {
  ReportRow out{row.key, row.label, row.style, {}};
  for (const DepartmentFigures* d : columns) {
    out.cells.push_back(row.style == RowStyle::kGroup
                            ? ReportCell::Empty()
                            : ReportCell::Count(row.CountIn(d->clusters)));
  }
  return out;
}

// Down every column (ClusterColumnSums), then across every row with counts:
// the institution is the sum of the departments.
std::vector<TableSum> DistributionSums(const std::vector<ClusterRowPlan>& plan, int columns) {
  std::vector<int> all_columns(columns);
  for (int c = 0; c < columns; ++c) all_columns[c] = c;
  std::vector<TableSum> sums = ClusterColumnSums(plan, all_columns);
  const int institution = columns - 1;
  for (int row = 0; row < static_cast<int>(plan.size()); ++row) {
    if (plan[row].style == RowStyle::kGroup) continue;
    TableSum across{{row, institution}, {}};
    for (int c = 0; c < institution; ++c) across.parts.push_back({row, c});
    sums.push_back(across);
  }
  return sums;
}

// A count's share of its column total, hidden as the count is; a share of a
// hidden total is hidden too, unless there is no share (a total of 0).
ReportCell ShareCell(const ReportCell& count, const ReportCell& total) {
  ReportCell cell = ReportCell::Percent(count.integer, total.integer);
  if (!count.Hidden() && !total.Hidden()) return cell;
  cell.privacy = count.Hidden() ? count.privacy : CellPrivacy::kProtective;
  if (cell.kind == CellKind::kEmpty) cell.privacy = CellPrivacy::kShown;
  return cell;
}

}  // namespace

DraftTable DistributionTable(const MonthlyFigures& figures) {
  const std::vector<ClusterRowPlan>& plan = ClusterRows();
  const std::vector<const DepartmentFigures*> columns = ColumnFigures(figures);
  ReportTable table{table_id::kDistribution,
                    "Cluster distribution (patients)",
                    "Patients per care cluster, using the clinician's cluster where a clinician "
                    "confirmed or changed the classifier's.",
                    "Cluster",
                    DistributionColumns(figures),
                    {}};
  for (const ClusterRowPlan& row : plan) table.rows.push_back(DistributionRow(row, columns));
  std::vector<std::string> department_keys;
  for (const DepartmentFigures& d : figures.departments)
    department_keys.push_back(DepartmentKey(d.name));
  TableRelations relations{DistributionSums(plan, static_cast<int>(columns.size())),
                           {},
                           ClusterCountMeanings("patients", plan, department_keys, 0,
                                                static_cast<int>(columns.size()) - 1)};
  return {std::move(table), std::move(relations)};
}

DraftTable DistributionPercentTable(const ReportTable& published_distribution) {
  const ReportTable& counts = published_distribution;
  ReportTable percent = counts;
  percent.id = table_id::kDistributionPercent;
  percent.title = "Cluster distribution (% of the department's patients)";
  percent.description = "The same distribution as percentages of each column's total.";
  for (ReportColumn& column : percent.columns) column.kind = CellKind::kPercent;
  const int total_row = counts.RowIndex(row_key::kTotal);
  for (int row = 0; row < static_cast<int>(counts.rows.size()); ++row) {
    for (int c = 0; c < static_cast<int>(counts.columns.size()); ++c) {
      if (counts.At(row, c).kind != CellKind::kCount) continue;
      percent.At(row, c) = ShareCell(counts.At(row, c), counts.At(total_row, c));
    }
  }
  return {std::move(percent), {}};
}

}  // namespace clusterpilot
