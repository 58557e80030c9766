#include "reports/allocation_tables.h"

#include "reports/cell_meanings.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

std::vector<ReportColumn> AllocationColumns() {
  return {Column(col::kPaidPatients, "Patients paid for", CellKind::kCount),
          Column(col::kReceived, "Payment received", CellKind::kEuros),
          Column(col::kAllocated, "Allocated share", CellKind::kEuros),
          Column(col::kOwed, "Owed to the others", CellKind::kEuros),
          Column(col::kSharedPatients, "Patients shared with others", CellKind::kCount)};
}

std::vector<ReportCell> AllocationCells(const AllocationShare& share) {
  return {ReportCell::Count(share.paid_patients), ReportCell::Euros(share.received_cents),
          ReportCell::Euros(share.allocated_cents), ReportCell::Euros(share.owed_cents()),
          ReportCell::Count(share.shared_patients)};
}

// The same words for both rules: the numbers show which is in force (under
// pro-rata nothing is owed).
std::string Description(const std::string& unit) {
  return "One cluster payment per patient per month, at the most likely tariff of the cluster "
         "of their latest valid rating in any " +
         unit +
         "; the institution counts each payment once. The setting report.allocation chooses "
         "who receives it. coordinator (the default): the coordinating " +
         unit + " (regiebehandelaar, else the " + unit +
         " of the latest rating) receives it and owes the others their share. pro-rata: each " +
         unit + " receives its share directly, so nothing is owed. A share follows the " + unit +
         "'s part of the patient's current revenue that month.";
}

// Received, allocated and owed add up over the rows; so do the patients
// paid for when one receiver takes each payment. Patients shared count once
// in the institution, so they never add up. Amounts hide with the patients
// they are paid for.
TableRelations AllocationRelations(const ReportTable& table, const std::string& stem,
                                   AllocationRule rule) {
  std::vector<std::string> summed = {col::kReceived, col::kAllocated, col::kOwed};
  if (rule == AllocationRule::kCoordinator) summed.push_back(col::kPaidPatients);
  TableRelations relations{DepartmentColumnSums(table, summed), {}, {}};
  AppendLinks(LinksInEveryRow(table, col::kPaidPatients, {col::kReceived, col::kOwed}),
              &relations.links);
  for (const char* amount : {col::kReceived, col::kAllocated, col::kOwed}) {
    AddMeanings(table, amount, OwnAmount(stem + "_" + amount), &relations);
  }
  const int institution = static_cast<int>(table.rows.size()) - 1;
  const std::string paid = col::kPaidPatients;
  for (const std::string& count : {paid, std::string(col::kSharedPatients)}) {
    if (count == paid && rule == AllocationRule::kCoordinator) {
      AddMeanings(table, count, OwnCount(stem + "_" + count), &relations);
      continue;
    }
    const int column = table.ColumnOf(count);
    for (int row = 0; row <= institution; ++row) {
      relations.meanings.push_back(
          CellMeaning{{row, column}, {{stem + "_" + count + "/" + table.rows[row].key, 1, true}}});
    }
  }
  return relations;
}

}  // namespace

DraftTable AllocationTable(const MonthlyFigures& figures) {
  ReportTable table{
      table_id::kAllocation,     "One payment per patient: allocation over the departments",
      Description("department"), "",
      AllocationColumns(),       {}};
  AddDepartmentRows(
      figures, [](const DepartmentFigures& d) { return AllocationCells(d.allocation); }, &table);
  TableRelations relations = AllocationRelations(table, "allocation", figures.allocation.rule);
  return {std::move(table), std::move(relations)};
}

DraftTable OrganisationAllocationTable(const MonthlyFigures& figures) {
  ReportTable table{table_id::kOrganisationAllocation,
                    "One payment per patient: allocation over the organisations",
                    Description("organisation"),
                    "Organisation",
                    AllocationColumns(),
                    {}};
  for (const AllocationShare& organisation : figures.allocation.organisations) {
    table.rows.push_back(ReportRow{"organisation:" + organisation.name, organisation.name,
                                   RowStyle::kNormal, AllocationCells(organisation)});
  }
  table.rows.push_back(ReportRow{kInstitution, "Institution", RowStyle::kTotal,
                                 AllocationCells(figures.allocation.institution)});
  TableRelations relations =
      AllocationRelations(table, "organisation_allocation", figures.allocation.rule);
  return {std::move(table), std::move(relations)};
}

}  // namespace clusterpilot
