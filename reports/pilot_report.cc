#include "reports/pilot_report.h"

#include <functional>

#include "reports/activity_tables.h"
#include "reports/comparison_tables.h"
#include "reports/distribution_tables.h"
#include "reports/financial_tables.h"
#include "reports/fit_tables.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

// Lays out one table; it may read the tables published before it, which
// are already suppressed, so that it never shows what they hide.
using TableStep = std::function<DraftTable(const PilotReport& published)>;

// The report's tables in reading order; the comparisons with today's
// revenue and with the previous month only when there is something to
// compare with.
std::vector<TableStep> TableSteps(const MonthlyFigures& figures, int suppress_below) {
  const auto& f = figures;
  const int k = suppress_below;
  std::vector<TableStep> steps = {
      [&f](const PilotReport&) { return ActivityTable(f); },
      [&f, k](const PilotReport&) { return HonosTable(f, k); },
      [&f](const PilotReport&) { return DistributionTable(f); },
      [](const PilotReport& r) {
        return DistributionPercentTable(*r.Find(table_id::kDistribution));
      },
      [&f](const PilotReport&) { return FitTable(f); },
      [](const PilotReport& r) { return FitRankingTable(*r.Find(table_id::kFit)); },
      [&f](const PilotReport&) { return OverridesTable(f); },
      [&f](const PilotReport&) { return ClusterRevenueTable(f); }};
  if (!f.revenue_file.empty()) {
    steps.emplace_back([&f](const PilotReport&) { return CaseloadRevenueTable(f); });
    steps.emplace_back(
        [&f](const PilotReport& r) { return ImpactTable(f, *r.Find(table_id::kClusterRevenue)); });
  }
  steps.emplace_back([&f](const PilotReport&) { return PoorFitRevenueTable(f); });
  if (f.has_earlier) {
    steps.emplace_back([&f](const PilotReport&) { return ChangesTable(f); });
  }
  if (f.has_previous) {
    steps.emplace_back([&f](const PilotReport&) { return ClusterShiftTable(f); });
  }
  if (f.has_earlier) {
    steps.emplace_back([&f, k](const PilotReport&) { return MovesTable(f, k); });
  }
  return steps;
}

// Every table passes through suppression before it is published, also the
// ones copied from published tables: nothing reaches a writer around it.
Status Publish(DraftTable draft, const SuppressionLimits& limits, PilotReport* report) {
  Status hidden = SuppressSmallCells(&draft.table, draft.relations, limits);
  if (!hidden.ok()) return hidden;
  report->tables.push_back(std::move(draft.table));
  report->relations.push_back(std::move(draft.relations));
  return Status::Ok();
}

PilotReport Describe(const MonthlyFigures& figures, int suppress_below,
                     const std::string& generated_at) {
  PilotReport report;
  report.month_key = figures.month.Key();
  report.month_name = figures.month.Name();
  if (figures.has_previous) report.previous_month_name = figures.previous_month.Name();
  if (figures.model.id != 0) report.model = figures.model.name + " " + figures.model.version;
  report.tariff_file = figures.tariff_file;
  report.revenue_file = figures.revenue_file;
  report.generated_at = generated_at;
  report.suppress_below = suppress_below;
  report.draws = figures.monte_carlo.draws;
  report.seed = figures.monte_carlo.seed;
  report.price_correlation = figures.monte_carlo.price_correlation;
  report.valid_rating_months = figures.valid_rating_months;
  report.warnings = figures.warnings;
  return report;
}

}  // namespace

const ReportTable* PilotReport::Find(const std::string& id) const {
  for (const ReportTable& table : tables) {
    if (table.id == id) return &table;
  }
  return nullptr;
}

Result<PilotReport> BuildPilotReport(const MonthlyFigures& figures, const SuppressionLimits& limits,
                                     const std::string& generated_at) {
  PilotReport report = Describe(figures, limits.suppress_below, generated_at);
  for (const TableStep& step : TableSteps(figures, limits.suppress_below)) {
    Status published = Publish(step(report), limits, &report);
    if (!published.ok()) return published.error();
  }
  return report;
}

}  // namespace clusterpilot
