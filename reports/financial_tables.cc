#include "reports/financial_tables.h"

#include <cmath>

#include "reports/cell_meanings.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

std::vector<ReportCell> RevenueCells(const DepartmentFigures& d) {
  return {ReportCell::Count(d.scenario.priced_patients),
          ReportCell::Euros(d.scenario.low_cents),
          ReportCell::Euros(d.scenario.expected_cents),
          ReportCell::Euros(d.scenario.high_cents),
          ReportCell::Euros(std::llround(d.interval.mean_cents)),
          ReportCell::Euros(d.interval.p5_cents),
          ReportCell::Euros(d.interval.p50_cents),
          ReportCell::Euros(d.interval.p95_cents)};
}

// Each amount is the department's patients per cluster times the tariffs
// the reader has: the way round-1 reports gave hidden counts away.
TableRelations RevenueRelations(const ReportTable& table, const TariffTable& tariffs) {
  TableRelations relations{DepartmentColumnSums(table, {col::kPricedPatients, col::kTariffLow,
                                                        col::kTariffExpected, col::kTariffHigh}),
                           {},
                           {}};
  AddMeanings(table, col::kPricedPatients, PricedTerms(tariffs, nullptr), &relations);
  AddMeanings(table, col::kTariffLow, PricedTerms(tariffs, LowTariff), &relations);
  AddMeanings(table, col::kTariffExpected, PricedTerms(tariffs, ExpectedTariff), &relations);
  AddMeanings(table, col::kTariffHigh, PricedTerms(tariffs, HighTariff), &relations);
  AppendLinks(LinksInEveryRow(table, col::kPricedPatients,
                              {col::kTariffLow, col::kTariffExpected, col::kTariffHigh, col::kMean,
                               col::kP5, col::kP50, col::kP95}),
              &relations.links);
  AppendLinks(LinksInEveryRow(
                  table, col::kTariffExpected,
                  {col::kTariffLow, col::kTariffHigh, col::kMean, col::kP5, col::kP50, col::kP95}),
              &relations.links);
  return relations;
}

std::vector<ReportColumn> ImpactColumns() {
  return {Column(col::kRatedRevenuePatients, "Rated patients with revenue", CellKind::kCount),
          Column(col::kCurrent, "Their current revenue", CellKind::kEuros),
          Column(col::kExpected, "Cluster revenue (expected)", CellKind::kEuros),
          Column(col::kDifference, "Difference", CellKind::kEuros),
          Column(col::kDifferencePercent, "Relative difference", CellKind::kPercent),
          Column(col::kDifferenceP5, "Difference p5", CellKind::kEuros),
          Column(col::kDifferenceP95, "Difference p95", CellKind::kEuros),
          Column(col::kUnratedPatients, "Patients with revenue, not rated this month",
                 CellKind::kCount),
          Column(col::kUnratedRevenue, "Their revenue", CellKind::kEuros)};
}

std::vector<ReportCell> ImpactCells(const DepartmentFigures& d) {
  const int64_t current = d.rated_revenue_cents;
  const int64_t difference = d.scenario.expected_cents - current;
  return {ReportCell::Count(d.rated_revenue_patients),
          ReportCell::Euros(current),
          ReportCell::Euros(d.scenario.expected_cents),
          ReportCell::Euros(difference),
          ReportCell::Percent(difference, current),
          ReportCell::Euros(d.interval.p5_cents - current),
          ReportCell::Euros(d.interval.p95_cents - current),
          ReportCell::Count(d.revenue_patients - d.rated_revenue_patients),
          ReportCell::Euros(d.current_revenue_cents - d.rated_revenue_cents)};
}

// The same expected amount must not be shown here when the revenue table hides it.
void HideExpectedLike(const ReportTable& published_revenue, ReportTable* impact) {
  for (int row = 0; row < static_cast<int>(impact->rows.size()); ++row) {
    if (published_revenue.At(row, col::kTariffExpected).Hidden()) {
      impact->At(row, col::kExpected).privacy = CellPrivacy::kProtective;
    }
  }
}

void AddImpactMeanings(const ReportTable& table, const TariffTable& tariffs,
                       TableRelations* relations) {
  const DepartmentTerms expected = PricedTerms(tariffs, ExpectedTariff);
  AddMeanings(table, col::kRatedRevenuePatients, OwnCount("rated_revenue_patients"), relations);
  AddMeanings(table, col::kCurrent, OwnAmount("rated_revenue"), relations);
  AddMeanings(table, col::kExpected, expected, relations);
  AddMeanings(table, col::kDifference, Combined(expected, OwnAmount("rated_revenue"), -1),
              relations);
  AddMeanings(table, col::kUnratedPatients,
              Combined(OwnCount("revenue_patients"), OwnCount("rated_revenue_patients"), -1),
              relations);
  AddMeanings(table, col::kUnratedRevenue, OwnAmount("unrated_revenue"), relations);
}

TableRelations ImpactRelations(const ReportTable& table, const TariffTable& tariffs) {
  TableRelations relations{
      DepartmentColumnSums(table, {col::kRatedRevenuePatients, col::kCurrent, col::kExpected,
                                   col::kDifference, col::kUnratedPatients, col::kUnratedRevenue}),
      {},
      {}};
  AddImpactMeanings(table, tariffs, &relations);
  // Amounts over a hidden group of patients are hidden with it: one
  // patient's revenue (current, or the difference with a known expected
  // amount) would follow.
  AppendLinks(LinksInEveryRow(table, col::kRatedRevenuePatients,
                              {col::kCurrent, col::kExpected, col::kDifference}),
              &relations.links);
  for (int row = 0; row < static_cast<int>(table.rows.size()); ++row) {
    // expected = current + difference: one hidden amount must not be the only one.
    relations.sums.push_back(
        TableSum{{row, table.ColumnOf(col::kExpected)},
                 {{row, table.ColumnOf(col::kCurrent)}, {row, table.ColumnOf(col::kDifference)}}});
  }
  AppendLinks(LinksInEveryRow(table, col::kRatedRevenuePatients, {col::kCurrent}),
              &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kUnratedPatients, {col::kUnratedRevenue}),
              &relations.links);
  for (const char* source : {col::kCurrent, col::kExpected, col::kDifference}) {
    AppendLinks(LinksInEveryRow(table, source,
                                {col::kDifferencePercent, col::kDifferenceP5, col::kDifferenceP95}),
                &relations.links);
  }
  return relations;
}

std::vector<ReportCell> PoorFitRevenueCells(const RevenueScenario& scenario) {
  return {ReportCell::Count(scenario.poor_fit_patients),
          ReportCell::Euros(scenario.poor_fit_expected_cents),
          ReportCell::Percent(scenario.poor_fit_expected_cents, scenario.expected_cents)};
}

}  // namespace

DraftTable ClusterRevenueTable(const MonthlyFigures& figures) {
  ReportTable table{
      table_id::kClusterRevenue,
      "Cluster revenue per month (price scenarios and interval)",
      "Each patient with a cluster paid that cluster's tariff. Low/expected/high: "
      "all clusters at that tariff. Interval: Monte Carlo over prices "
      "(triangular) and over the classifier's probabilities for patients no "
      "clinician reviewed. Intervals do not add up across departments; the "
      "scenario sums do.",
      "",
      {Column(col::kPricedPatients, "Patients with a cluster", CellKind::kCount),
       Column(col::kTariffLow, "Low", CellKind::kEuros),
       Column(col::kTariffExpected, "Expected", CellKind::kEuros),
       Column(col::kTariffHigh, "High", CellKind::kEuros),
       Column(col::kMean, "Interval mean", CellKind::kEuros),
       Column(col::kP5, "p5", CellKind::kEuros), Column(col::kP50, "p50", CellKind::kEuros),
       Column(col::kP95, "p95", CellKind::kEuros)},
      {}};
  AddDepartmentRows(figures, RevenueCells, &table);
  TableRelations relations = RevenueRelations(table, figures.tariffs);
  return {std::move(table), std::move(relations)};
}

DraftTable ImpactTable(const MonthlyFigures& figures, const ReportTable& published_revenue) {
  ReportTable table{table_id::kImpact,
                    "Cluster revenue against current revenue",
                    "Over the same patients: those rated in the month, whose cluster is known. "
                    "Current revenue is what the revenue file bills for them; the difference is "
                    "expected cluster revenue minus that, with the Monte Carlo interval. Revenue "
                    "of patients not rated this month is shown apart.",
                    "",
                    ImpactColumns(),
                    {}};
  AddDepartmentRows(figures, ImpactCells, &table);
  HideExpectedLike(published_revenue, &table);
  TableRelations relations = ImpactRelations(table, figures.tariffs);
  return {std::move(table), std::move(relations)};
}

DraftTable PoorFitRevenueTable(const MonthlyFigures& figures) {
  ReportTable table{
      table_id::kPoorFitRevenue,
      "Revenue riding on poorly fitting patients",
      "The expected cluster revenue of patients flagged as fitting the model "
      "poorly: the least reliable part of the estimate.",
      "",
      {Column(col::kPoorFitPatients, "Poorly fitting patients with a cluster", CellKind::kCount),
       Column(col::kPoorFitExpected, "Their expected revenue", CellKind::kEuros),
       Column(col::kShareOfExpected, "Share of expected revenue", CellKind::kPercent)},
      {}};
  AddDepartmentRows(
      figures, [](const DepartmentFigures& d) { return PoorFitRevenueCells(d.scenario); }, &table);
  TableRelations relations{
      DepartmentColumnSums(table, {col::kPoorFitPatients, col::kPoorFitExpected}), {}, {}};
  AddMeanings(table, col::kPoorFitPatients, OwnCount("poor_fit_priced"), &relations);
  AddMeanings(table, col::kPoorFitExpected, OwnAmount("poor_fit_expected"), &relations);
  AppendLinks(
      LinksInEveryRow(table, col::kPoorFitPatients, {col::kPoorFitExpected, col::kShareOfExpected}),
      &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kPoorFitExpected, {col::kShareOfExpected}),
              &relations.links);
  return {std::move(table), std::move(relations)};
}

}  // namespace clusterpilot
