#include "reports/pilot_report.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>
#include <tuple>

#include "reports/activity_tables.h"
#include "reports/allocation_tables.h"
#include "reports/comparison_tables.h"
#include "reports/disclosure_audit.h"
#include "reports/distribution_tables.h"
#include "reports/financial_tables.h"
#include "reports/fit_tables.h"
#include "reports/report_keys.h"
#include "reports/transition_tables.h"
#include "reports/trend_tables.h"

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
    steps.emplace_back([&f](const PilotReport&) { return AllocationTable(f); });
    if (!f.allocation.organisations.empty()) {
      steps.emplace_back([&f](const PilotReport&) { return OrganisationAllocationTable(f); });
    }
    steps.emplace_back(
        [&f](const PilotReport& r) { return ImpactTable(f, *r.Find(table_id::kClusterRevenue)); });
  }
  steps.emplace_back([&f](const PilotReport&) { return PoorFitRevenueTable(f); });
  if (f.has_earlier) {
    steps.emplace_back([&f](const PilotReport&) { return ChangesTable(f); });
  }
  if (f.has_previous) {
    steps.emplace_back([&f](const PilotReport& r) {
      return ClusterShiftTable(f, *r.Find(table_id::kDistribution));
    });
  }
  if (f.has_earlier) {
    steps.emplace_back([&f, k](const PilotReport&) { return MovesTable(f, k); });
    steps.emplace_back([&f](const PilotReport&) { return TransitionsTable(f); });
  }
  if (!f.trends.empty()) {
    steps.emplace_back([&f](const PilotReport&) { return TrendsTable(f.trends); });
    steps.emplace_back([&f](const PilotReport&) { return TrendReviewsTable(f.trends); });
    steps.emplace_back([&f](const PilotReport&) { return TrendRevenueTable(f.trends, f.tariffs); });
  }
  return steps;
}

// A cell the disclosure audit chose to hide, by keys, so that it is hidden
// again when the report is laid out anew: table, row and column.
using ChosenCell = std::tuple<std::string, std::string, std::string>;

void HideChosen(const std::set<ChosenCell>& chosen, ReportTable* table) {
  for (size_t r = 0; r < table->rows.size(); ++r) {
    for (size_t c = 0; c < table->columns.size(); ++c) {
      ReportCell& cell = table->rows[r].cells[c];
      if (!cell.Hidden() && chosen.count({table->id, table->rows[r].key, table->columns[c].key})) {
        HideAsComplement(&cell);
      }
    }
  }
}

// Hides every cell the round hid as "x" again in the next round, besides
// the audit's picks. Left to itself, a table's own suppression may hide
// other cells once a pick protects one of its sums, and a cell shown again
// can expose a count an earlier round protected. A report that only hides
// more from round to round lets each audit build on the last
// (DisclosureAuditor), and it settles sooner: at 1M measurements in 11
// rounds instead of 20, with 350 cells hidden as "x" instead of 365. (Small
// counts hide themselves in every round, as "<5": choosing them would hide
// them as "x".)
void KeepHidden(const std::vector<ReportTable>& tables, std::set<ChosenCell>* chosen) {
  for (const ReportTable& table : tables) {
    for (const ReportRow& row : table.rows) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (row.cells[c].privacy == CellPrivacy::kProtective) {
          chosen->insert({table.id, row.key, table.columns[c].key});
        }
      }
    }
  }
}

// Every table passes through suppression before it is published, also the
// ones copied from published tables: nothing reaches a writer around it.
Status Publish(DraftTable draft, const SuppressionLimits& limits,
               const std::set<ChosenCell>& chosen, PilotReport* report) {
  HideChosen(chosen, &draft.table);
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

Result<PilotReport> LayOut(const MonthlyFigures& figures, const SuppressionLimits& limits,
                           const std::set<ChosenCell>& chosen, const std::string& generated_at) {
  PilotReport report = Describe(figures, limits.suppress_below, generated_at);
  for (const TableStep& step : TableSteps(figures, limits.suppress_below)) {
    Status published = Publish(step(report), limits, chosen, &report);
    if (!published.ok()) return published.error();
  }
  return report;
}

int CountCells(const std::vector<ReportTable>& tables, CellPrivacy privacy) {
  int cells = 0;
  for (const ReportTable& table : tables) {
    for (const ReportRow& row : table.rows) {
      for (const ReportCell& cell : row.cells) cells += cell.privacy == privacy ? 1 : 0;
    }
  }
  return cells;
}

DisclosureSummary Summarise(const PilotReport& report, const DisclosureAudit& audit,
                            const AuditSettings& settings, int rounds) {
  DisclosureSummary summary;
  summary.suppress_below = settings.suppress_below;
  summary.protection_interval = std::min(settings.protection_interval, settings.suppress_below - 1);
  summary.small_cells = CountCells(report.tables, CellPrivacy::kSmall);
  summary.protective_cells = CountCells(report.tables, CellPrivacy::kProtective);
  summary.audited_cells = audit.audited_cells;
  summary.audited_amounts = audit.audited_amounts;
  summary.constraints = audit.constraints;
  summary.narrowest = audit.narrowest;
  summary.rounds = rounds;
  return summary;
}

Error Unprotected(const std::vector<ReportTable>& tables, const CellExposure& exposure,
                  int rounds) {
  const ReportTable& table = tables[exposure.cell.table];
  const std::string what = exposure.amount ? "hidden amount (cents) to " : "hidden small count to ";
  Error error = MakeError("row \"" + table.rows[exposure.cell.cell.row].key + "\", column \"" +
                          table.columns[exposure.cell.cell.column].key +
                          "\": the published figures still narrow this " + what +
                          std::to_string(exposure.low) + ".." + std::to_string(exposure.high) +
                          " after " + std::to_string(rounds) +
                          " rounds of hiding; the report is not written (a bug: please report it)");
  error.field = "table";
  error.value = table.id;
  return error;
}

}  // namespace

const ReportTable* PilotReport::Find(const std::string& id) const {
  for (const ReportTable& table : tables) {
    if (table.id == id) return &table;
  }
  return nullptr;
}

Result<PilotReport> BuildPilotReport(const MonthlyFigures& figures, const SuppressionLimits& limits,
                                     const std::string& generated_at, AuditChoices* choices) {
  const AuditSettings audit_settings{limits.suppress_below, limits.protection_interval};
  AuditChoices own;
  AuditChoices& so_far = choices != nullptr ? *choices : own;
  std::set<ChosenCell>& chosen = so_far.cells;
  if (so_far.auditor == nullptr)
    so_far.auditor = std::make_unique<DisclosureAuditor>(audit_settings);
  // A call that starts from earlier choices repeats the audit that passed
  // them: the same round, unless these tables need more.
  for (int round = std::max(so_far.rounds, 1);; ++round) {
    so_far.rounds = round;
    Result<PilotReport> laid_out = LayOut(figures, limits, chosen, generated_at);
    if (!laid_out.ok()) return laid_out;
    PilotReport& report = laid_out.value();
    const auto started = std::chrono::steady_clock::now();
    Result<DisclosureAudit> audited = so_far.auditor->Audit(report.tables, report.relations);
    so_far.audit_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!audited.ok()) return audited.error();
    const DisclosureAudit& audit = audited.value();
    if (audit.exposures.empty()) {
      report.disclosure = Summarise(report, audit, audit_settings, round);
      report.disclosure.audit_seconds = so_far.audit_seconds;
      return laid_out;
    }
    KeepHidden(report.tables, &chosen);
    const size_t before = chosen.size();
    for (const PublishedCell& pick : ComplementaryCells(report.tables, audit)) {
      const ReportTable& table = report.tables[pick.table];
      chosen.insert({table.id, table.rows[pick.cell.row].key, table.columns[pick.cell.column].key});
    }
    if (chosen.size() == before || round >= limits.max_audit_rounds) {
      return Unprotected(report.tables, audit.exposures.front(), round);
    }
  }
}

}  // namespace clusterpilot
