#include "reports/department_layout.h"

#include "reports/report_keys.h"

namespace clusterpilot {

ReportColumn Column(std::string key, std::string label, CellKind kind, int decimals) {
  return ReportColumn{std::move(key), std::move(label), kind, decimals};
}

void AddDepartmentRows(const MonthlyFigures& figures, const DepartmentCells& cells,
                       ReportTable* table) {
  table->row_header = "Department";
  for (const DepartmentFigures& department : figures.departments) {
    table->rows.push_back(ReportRow{DepartmentKey(department.name), department.name,
                                    RowStyle::kNormal, cells(department)});
  }
  table->rows.push_back(
      ReportRow{kInstitution, "Institution", RowStyle::kTotal, cells(figures.institution)});
}

std::vector<TableSum> DepartmentColumnSums(const ReportTable& table,
                                           const std::vector<std::string>& keys) {
  std::vector<TableSum> sums;
  const int total_row = static_cast<int>(table.rows.size()) - 1;
  for (const std::string& key : keys) {
    const int column = table.ColumnOf(key);
    TableSum sum{{total_row, column}, {}};
    for (int row = 0; row < total_row; ++row) sum.parts.push_back({row, column});
    sums.push_back(sum);
  }
  return sums;
}

std::vector<CellLink> LinksInEveryRow(const ReportTable& table, const std::string& source,
                                      const std::vector<std::string>& targets) {
  std::vector<CellLink> links;
  const int from = table.ColumnOf(source);
  for (int row = 0; row < static_cast<int>(table.rows.size()); ++row) {
    for (const std::string& target : targets) {
      links.push_back({{row, from}, {row, table.ColumnOf(target)}});
    }
  }
  return links;
}

void AppendLinks(std::vector<CellLink> more, std::vector<CellLink>* links) {
  links->insert(links->end(), more.begin(), more.end());
}

}  // namespace clusterpilot
