#include "reports/activity_tables.h"

#include "reports/cell_meanings.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

std::vector<ReportColumn> ActivityColumns(bool revenue) {
  std::vector<ReportColumn> columns = {
      Column(col::kPatients, "Patients", CellKind::kCount),
      Column(col::kMeasurements, "Measurements", CellKind::kCount),
      Column(col::kNotClassified, "Not yet classified", CellKind::kCount)};
  if (!revenue) return columns;
  columns.push_back(Column(col::kRevenuePatients, "Patients with revenue", CellKind::kCount));
  columns.push_back(Column(col::kRatedInLastYear, "... rated in last 12 months", CellKind::kCount));
  columns.push_back(Column(col::kCoverage, "Coverage", CellKind::kPercent));
  return columns;
}

std::vector<ReportCell> ActivityCells(const DepartmentFigures& d, bool revenue) {
  std::vector<ReportCell> cells = {ReportCell::Count(d.patients),
                                   ReportCell::Count(d.activity.measurements),
                                   ReportCell::Count(d.activity.not_classified)};
  if (!revenue) return cells;
  cells.push_back(ReportCell::Count(d.revenue_patients));
  cells.push_back(ReportCell::Count(d.revenue_patients_rated));
  cells.push_back(ReportCell::Percent(d.revenue_patients_rated, d.revenue_patients));
  return cells;
}

TableRelations ActivityRelations(const ReportTable& table, bool revenue) {
  std::vector<std::string> summed = {col::kPatients, col::kMeasurements, col::kNotClassified};
  if (revenue) summed.insert(summed.end(), {col::kRevenuePatients, col::kRatedInLastYear});
  TableRelations relations{DepartmentColumnSums(table, summed), {}, {}};
  AddMeanings(table, col::kPatients, AllPatients("patients"), &relations);
  AddMeanings(table, col::kMeasurements, OwnCount("measurements"), &relations);
  AddMeanings(table, col::kNotClassified, OwnCount("unclassified_measurements"), &relations);
  if (!revenue) return relations;
  AddMeanings(table, col::kRevenuePatients, OwnCount("revenue_patients"), &relations);
  AddMeanings(table, col::kRatedInLastYear, OwnCount("revenue_patients_rated"), &relations);
  AppendLinks(LinksInEveryRow(table, col::kRevenuePatients, {col::kCoverage}), &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kRatedInLastYear, {col::kCoverage}), &relations.links);
  return relations;
}

// A mean over fewer patients than the threshold says too much about them.
ReportCell Mean(int64_t patients, double value, int suppress_below) {
  ReportCell cell = patients > 0 ? ReportCell::Decimal(value) : ReportCell::Empty();
  if (patients > 0 && patients < suppress_below) cell.privacy = CellPrivacy::kProtective;
  return cell;
}

std::vector<ReportCell> HonosCells(const HonosAverages& honos, int suppress_below) {
  std::vector<ReportCell> cells = {ReportCell::Count(honos.complete_patients)};
  cells.push_back(Mean(honos.complete_patients, honos.total_mean, suppress_below));
  for (int s = 0; s < kReportedSubscales; ++s) {
    cells.push_back(Mean(honos.complete_patients, honos.subscale_means[s], suppress_below));
  }
  return cells;
}

std::vector<ReportCell> OverrideCells(const DepartmentActivity& activity) {
  const int64_t classified = activity.measurements - activity.not_classified;
  return {ReportCell::Count(classified),
          ReportCell::Count(activity.reviewed),
          ReportCell::Count(activity.reviewed - activity.changed),
          ReportCell::Count(activity.changed),
          ReportCell::Percent(activity.changed, activity.reviewed),
          ReportCell::Percent(activity.reviewed, classified)};
}

TableRelations OverrideRelations(const ReportTable& table) {
  TableRelations relations{
      DepartmentColumnSums(
          table, {col::kClassifiedMeasurements, col::kReviewed, col::kConfirmed, col::kChanged}),
      {},
      {}};
  // Classified = measured - not classified; reviewed = confirmed + changed.
  AddMeanings(table, col::kClassifiedMeasurements,
              Combined(OwnCount("measurements"), OwnCount("unclassified_measurements"), -1),
              &relations);
  AddMeanings(table, col::kReviewed, Combined(OwnCount("confirmed"), OwnCount("changed"), 1),
              &relations);
  AddMeanings(table, col::kConfirmed, OwnCount("confirmed"), &relations);
  AddMeanings(table, col::kChanged, OwnCount("changed"), &relations);
  // In every row, reviewed = confirmed + changed.
  for (int row = 0; row < static_cast<int>(table.rows.size()); ++row) {
    relations.sums.push_back(
        TableSum{{row, table.ColumnOf(col::kReviewed)},
                 {{row, table.ColumnOf(col::kConfirmed)}, {row, table.ColumnOf(col::kChanged)}}});
  }
  AppendLinks(LinksInEveryRow(table, col::kChanged, {col::kOverrideRate}), &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kReviewed, {col::kOverrideRate, col::kReviewShare}),
              &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kClassifiedMeasurements, {col::kReviewShare}),
              &relations.links);
  return relations;
}

}  // namespace

DraftTable ActivityTable(const MonthlyFigures& figures) {
  const bool revenue = !figures.revenue_file.empty();
  ReportTable table{table_id::kActivity,
                    "Patients and measurements",
                    "Patients rated in the month, each counted once per department (their "
                    "latest rating there). Coverage: of the patients with revenue in the month, "
                    "the share with a HoNOS+ rating in that department in the last 12 months.",
                    "",
                    ActivityColumns(revenue),
                    {}};
  AddDepartmentRows(
      figures, [revenue](const DepartmentFigures& d) { return ActivityCells(d, revenue); }, &table);
  TableRelations relations = ActivityRelations(table, revenue);
  return {std::move(table), std::move(relations)};
}

DraftTable HonosTable(const MonthlyFigures& figures, int suppress_below) {
  ReportTable table{table_id::kHonos,
                    "HoNOS+ severity",
                    "Mean scores of patients whose items 1-12 are all rated (a dynamic-route "
                    "rating leaves items unasked); every column over the same patients, so the "
                    "four subscale means add up to the total's. HoNOS total: items 1-12, 0-48.",
                    "",
                    {Column(col::kCompletePatients, "Patients fully rated", CellKind::kCount),
                     Column(col::kHonosTotal, "HoNOS total", CellKind::kDecimal),
                     Column(col::kBehaviour, "Behaviour", CellKind::kDecimal),
                     Column(col::kImpairment, "Impairment", CellKind::kDecimal),
                     Column(col::kSymptoms, "Symptoms", CellKind::kDecimal),
                     Column(col::kSocial, "Social", CellKind::kDecimal)},
                    {}};
  AddDepartmentRows(
      figures,
      [suppress_below](const DepartmentFigures& d) { return HonosCells(d.honos, suppress_below); },
      &table);
  TableRelations relations{DepartmentColumnSums(table, {col::kCompletePatients}), {}, {}};
  AddMeanings(table, col::kCompletePatients, OwnCount("honos_complete"), &relations);
  return {std::move(table), std::move(relations)};
}

DraftTable OverridesTable(const MonthlyFigures& figures) {
  ReportTable table{
      table_id::kOverrides,
      "Clinician review of the classification",
      "Per measurement. Override rate: of the measurements a clinician reviewed, "
      "the share where the clinician chose another cluster than the algorithm.",
      "",
      {Column(col::kClassifiedMeasurements, "Measurements classified", CellKind::kCount),
       Column(col::kReviewed, "Reviewed by a clinician", CellKind::kCount),
       Column(col::kConfirmed, "Confirmed", CellKind::kCount),
       Column(col::kChanged, "Changed", CellKind::kCount),
       Column(col::kOverrideRate, "Override rate", CellKind::kPercent),
       Column(col::kReviewShare, "Share reviewed", CellKind::kPercent)},
      {}};
  AddDepartmentRows(
      figures, [](const DepartmentFigures& d) { return OverrideCells(d.activity); }, &table);
  TableRelations relations = OverrideRelations(table);
  return {std::move(table), std::move(relations)};
}

}  // namespace clusterpilot
