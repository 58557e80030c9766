// The layout most report tables share: one row per department, then the
// institution as the total row, with the column sums a reader can check and
// the links that hide a row's derived figures with their sources.
#ifndef CLUSTERPILOT_REPORTS_DEPARTMENT_LAYOUT_H_
#define CLUSTERPILOT_REPORTS_DEPARTMENT_LAYOUT_H_

#include <functional>
#include <string>
#include <vector>

#include "reports/monthly_figures.h"
#include "reports/report_table.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

// One department's cells (or the institution's), in column order.
using DepartmentCells = std::function<std::vector<ReportCell>(const DepartmentFigures&)>;

// A column of a report table; `decimals` matters for kDecimal and kPercent.
ReportColumn Column(std::string key, std::string label, CellKind kind, int decimals = 1);

// Sets the "Department" row header and adds a row per department of
// `figures`, then the institution's total row.
void AddDepartmentRows(const MonthlyFigures& figures, const DepartmentCells& cells,
                       ReportTable* table);

// For each keyed column: the institution row is the sum of the departments.
std::vector<TableSum> DepartmentColumnSums(const ReportTable& table,
                                           const std::vector<std::string>& keys);

// In every row, each `targets` cell is hidden when the `source` cell is.
std::vector<CellLink> LinksInEveryRow(const ReportTable& table, const std::string& source,
                                      const std::vector<std::string>& targets);

// Appends `more` to `links`, keeping the order in which they apply.
void AppendLinks(std::vector<CellLink> more, std::vector<CellLink>* links);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_DEPARTMENT_LAYOUT_H_
