#include "reports/financial_tables.h"

#include <cmath>

#include "reports/cell_meanings.h"
#include "reports/department_layout.h"
#include "reports/dutch_number.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

// The interval columns: what every reader can derive from the counts and
// the tariffs, so they are linked to both.
constexpr const char* kIntervalColumns[] = {col::kMean,
                                            col::kP5,
                                            col::kP50,
                                            col::kP95,
                                            col::kPricesOnlyP5,
                                            col::kPricesOnlyP95,
                                            col::kClassificationOnlyP5,
                                            col::kClassificationOnlyP95};

std::vector<ReportCell> RevenueCells(const DepartmentFigures& d) {
  const RevenueIntervals& interval = d.interval;
  return {ReportCell::Count(d.scenario.priced_patients),
          ReportCell::Euros(d.scenario.low_cents),
          ReportCell::Euros(d.scenario.expected_cents),
          ReportCell::Euros(d.scenario.high_cents),
          ReportCell::Euros(std::llround(interval.combined.mean_cents)),
          ReportCell::Euros(interval.combined.p5_cents),
          ReportCell::Euros(interval.combined.p50_cents),
          ReportCell::Euros(interval.combined.p95_cents),
          ReportCell::Euros(interval.prices_only.p5_cents),
          ReportCell::Euros(interval.prices_only.p95_cents),
          ReportCell::Euros(interval.classification_only.p5_cents),
          ReportCell::Euros(interval.classification_only.p95_cents)};
}

std::vector<std::string> IntervalColumnsAnd(std::vector<std::string> columns) {
  columns.insert(columns.end(), std::begin(kIntervalColumns), std::end(kIntervalColumns));
  return columns;
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
  AppendLinks(LinksInEveryRow(
                  table, col::kPricedPatients,
                  IntervalColumnsAnd({col::kTariffLow, col::kTariffExpected, col::kTariffHigh})),
              &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kTariffExpected,
                              IntervalColumnsAnd({col::kTariffLow, col::kTariffHigh})),
              &relations.links);
  return relations;
}

std::vector<ReportColumn> RevenueColumns() {
  return {Column(col::kPricedPatients, "Patients with a cluster", CellKind::kCount),
          Column(col::kTariffLow, "Low", CellKind::kEuros),
          Column(col::kTariffExpected, "Most likely", CellKind::kEuros),
          Column(col::kTariffHigh, "High", CellKind::kEuros),
          Column(col::kMean, "Expected (mean)", CellKind::kEuros),
          Column(col::kP5, "p5", CellKind::kEuros),
          Column(col::kP50, "p50", CellKind::kEuros),
          Column(col::kP95, "p95", CellKind::kEuros),
          Column(col::kPricesOnlyP5, "Prices only p5", CellKind::kEuros),
          Column(col::kPricesOnlyP95, "Prices only p95", CellKind::kEuros),
          Column(col::kClassificationOnlyP5, "Classification only p5", CellKind::kEuros),
          Column(col::kClassificationOnlyP95, "Classification only p95", CellKind::kEuros)};
}

std::vector<ReportColumn> CaseloadColumns() {
  return {Column(col::kBilledPatients, "Patients billed", CellKind::kCount),
          Column(col::kBilledRevenue, "Their current revenue", CellKind::kEuros),
          Column(col::kValidClusterPatients, "With a valid cluster", CellKind::kCount),
          Column(col::kCurrent, "Their current revenue", CellKind::kEuros),
          Column(col::kMostLikely, "Their cluster revenue (most likely)", CellKind::kEuros),
          Column(col::kDifference, "Difference", CellKind::kEuros),
          Column(col::kDifferencePercent, "Relative difference", CellKind::kPercent),
          Column(col::kDifferenceP5, "Difference p5", CellKind::kEuros),
          Column(col::kDifferenceP95, "Difference p95", CellKind::kEuros),
          Column(col::kWithoutValidPatients, "Without a valid cluster", CellKind::kCount),
          Column(col::kWithoutValidRevenue, "Their current revenue", CellKind::kEuros)};
}

std::vector<ReportCell> CaseloadCells(const DepartmentFigures& d) {
  const CaseloadRevenue& c = d.caseload;
  const int64_t current = c.valid_billed_cents;
  const int64_t difference = c.scenario.expected_cents - current;
  return {ReportCell::Count(c.billed_patients),
          ReportCell::Euros(c.billed_cents),
          ReportCell::Count(c.valid_patients()),
          ReportCell::Euros(current),
          ReportCell::Euros(c.scenario.expected_cents),
          ReportCell::Euros(difference),
          ReportCell::Percent(difference, current),
          ReportCell::Euros(c.interval.combined.p5_cents - current),
          ReportCell::Euros(c.interval.combined.p95_cents - current),
          ReportCell::Count(c.without_valid_patients()),
          ReportCell::Euros(c.without_valid_cents())};
}

// The caseload's figures as quantities the impact table and the trends
// share: its billed revenue is theirs, so that no hidden revenue follows
// from subtracting one table's shown amount from another's.
void AddCaseloadMeanings(const ReportTable& table, TableRelations* relations) {
  const DepartmentTerms billed = OwnAmount(kBilledRevenueStem);
  const DepartmentTerms valid = OwnAmount("valid_revenue");
  const DepartmentTerms most_likely = OwnAmount("caseload_most_likely");
  AddMeanings(table, col::kBilledPatients, OwnCount("revenue_patients"), relations);
  AddMeanings(table, col::kBilledRevenue, billed, relations);
  AddMeanings(table, col::kValidClusterPatients, OwnCount("valid_patients"), relations);
  AddMeanings(table, col::kCurrent, valid, relations);
  AddMeanings(table, col::kMostLikely, most_likely, relations);
  AddMeanings(table, col::kDifference, Combined(most_likely, valid, -1), relations);
  AddMeanings(table, col::kWithoutValidPatients,
              Combined(OwnCount("revenue_patients"), OwnCount("valid_patients"), -1), relations);
  AddMeanings(table, col::kWithoutValidRevenue, Combined(billed, valid, -1), relations);
}

TableRelations CaseloadRelations(const ReportTable& table) {
  TableRelations relations{
      DepartmentColumnSums(
          table, {col::kBilledPatients, col::kBilledRevenue, col::kValidClusterPatients,
                  col::kCurrent, col::kMostLikely, col::kDifference, col::kWithoutValidPatients,
                  col::kWithoutValidRevenue}),
      {},
      {}};
  for (int row = 0; row < static_cast<int>(table.rows.size()); ++row) {
    const auto at = [&table, row](const char* key) { return CellRef{row, table.ColumnOf(key)}; };
    // Billed = with + without a valid cluster, in patients and in revenue;
    // most likely = current + difference.
    relations.sums.push_back(
        TableSum{at(col::kBilledPatients),
                 {at(col::kValidClusterPatients), at(col::kWithoutValidPatients)}});
    relations.sums.push_back(
        TableSum{at(col::kBilledRevenue), {at(col::kCurrent), at(col::kWithoutValidRevenue)}});
    relations.sums.push_back(
        TableSum{at(col::kMostLikely), {at(col::kCurrent), at(col::kDifference)}});
  }
  AppendLinks(LinksInEveryRow(table, col::kBilledPatients, {col::kBilledRevenue}),
              &relations.links);
  AppendLinks(
      LinksInEveryRow(table, col::kValidClusterPatients,
                      {col::kCurrent, col::kMostLikely, col::kDifferenceP5, col::kDifferenceP95}),
      &relations.links);
  AppendLinks(LinksInEveryRow(table, col::kWithoutValidPatients, {col::kWithoutValidRevenue}),
              &relations.links);
  for (const char* source : {col::kCurrent, col::kMostLikely, col::kDifference}) {
    AppendLinks(LinksInEveryRow(table, source,
                                {col::kDifferencePercent, col::kDifferenceP5, col::kDifferenceP95}),
                &relations.links);
  }
  AddCaseloadMeanings(table, &relations);
  return relations;
}

std::vector<ReportColumn> ImpactColumns() {
  return {Column(col::kRatedRevenuePatients, "Rated patients with revenue", CellKind::kCount),
          Column(col::kCurrent, "Their current revenue", CellKind::kEuros),
          Column(col::kExpected, "Cluster revenue (most likely)", CellKind::kEuros),
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
          ReportCell::Euros(d.interval.combined.p5_cents - current),
          ReportCell::Euros(d.interval.combined.p95_cents - current),
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
  AddMeanings(table, col::kUnratedRevenue,
              Combined(OwnAmount(kBilledRevenueStem), OwnAmount("rated_revenue"), -1), relations);
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
      "Cluster revenue per month of patients rated this month (price scenarios and interval)",
      "Each patient rated this month with a cluster, paid that cluster's tariff. Low / most "
      "likely / high: all clusters at that tariff (most likely is the tariff file's middle "
      "column, the peak of each price's triangle). Expected (mean) and p5/p50/p95: Monte Carlo "
      "over prices (triangular, moving together with correlation " +
          FormatDecimal(figures.monte_carlo.price_correlation, 2) +
          ") and over the classifier's probabilities for patients no clinician reviewed. Prices "
          "only: clusters as reported, prices drawn. Classification only: prices at most likely, "
          "clusters drawn. Intervals do not add up across departments; the scenario sums do.",
      "",
      RevenueColumns(),
      {}};
  AddDepartmentRows(figures, RevenueCells, &table);
  TableRelations relations = RevenueRelations(table, figures.tariffs);
  return {std::move(table), std::move(relations)};
}

DraftTable CaseloadRevenueTable(const MonthlyFigures& figures) {
  ReportTable table{
      table_id::kCaseloadRevenue,
      "Cluster revenue of the whole caseload against current revenue",
      "Every patient billed in the month in the revenue file, priced at their valid cluster: the "
      "cluster of their latest rating in that department in the last " +
          std::to_string(figures.valid_rating_months) +
          " months, if its review period had not ended before the month began. The difference "
          "is most likely cluster revenue minus current revenue over the patients with a valid "
          "cluster, with the Monte Carlo interval. Billed patients without a valid cluster "
          "(never rated, rating too old, or no cluster) are shown apart with their revenue.",
      "",
      CaseloadColumns(),
      {}};
  AddDepartmentRows(figures, CaseloadCells, &table);
  TableRelations relations = CaseloadRelations(table);
  return {std::move(table), std::move(relations)};
}

DraftTable ImpactTable(const MonthlyFigures& figures, const ReportTable& published_revenue) {
  ReportTable table{
      table_id::kImpact,
      "Second view: patients rated this month against current revenue",
      "Over the same patients: those rated in the month, whose cluster is known. "
      "Current revenue is what the revenue file bills for them; the difference is "
      "most likely cluster revenue minus that, with the Monte Carlo interval. Revenue "
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
      "The most likely cluster revenue of patients flagged as fitting the model "
      "poorly: the least reliable part of the estimate.",
      "",
      {Column(col::kPoorFitPatients, "Poorly fitting patients with a cluster", CellKind::kCount),
       Column(col::kPoorFitExpected, "Their most likely revenue", CellKind::kEuros),
       Column(col::kShareOfExpected, "Share of most likely revenue", CellKind::kPercent)},
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
