#include "reports/pilot_report.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
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

// Lays out one table. A table that reads the tables published before it
// (already suppressed, so that it never shows what they hide) is drafted
// anew in every round of hiding; one drafted from the figures alone is
// drafted once and copied in later rounds (at 10M measurements, making the
// terms of the trend revenue table's figures was most of laying the report
// out, in each of eleven rounds).
struct TableStep {
  std::function<DraftTable(const PilotReport& published)> draft;
  bool reads_published = false;
};

TableStep FromFigures(std::function<DraftTable()> draft) {
  return {[draft = std::move(draft)](const PilotReport&) { return draft(); }};
}

TableStep FromPublished(std::function<DraftTable(const PilotReport& published)> draft) {
  return {std::move(draft), true};
}

// The report's tables in reading order; the comparisons with today's
// revenue and with the previous month only when there is something to
// compare with.
std::vector<TableStep> TableSteps(const MonthlyFigures& figures, int suppress_below) {
  const auto& f = figures;
  const int k = suppress_below;
  std::vector<TableStep> steps = {
      FromFigures([&f] { return ActivityTable(f); }),
      FromFigures([&f, k] { return HonosTable(f, k); }),
      FromFigures([&f] { return DistributionTable(f); }),
      FromPublished([](const PilotReport& r) {
        return DistributionPercentTable(*r.Find(table_id::kDistribution));
      }),
      FromFigures([&f] { return FitTable(f); }),
      FromPublished([](const PilotReport& r) { return FitRankingTable(*r.Find(table_id::kFit)); }),
      FromFigures([&f] { return OverridesTable(f); }),
      FromFigures([&f] { return ClusterRevenueTable(f); })};
  if (!f.revenue_file.empty()) {
    steps.push_back(FromFigures([&f] { return CaseloadRevenueTable(f); }));
    steps.push_back(FromFigures([&f] { return AllocationTable(f); }));
    if (!f.allocation.organisations.empty()) {
      steps.push_back(FromFigures([&f] { return OrganisationAllocationTable(f); }));
    }
    steps.push_back(FromPublished(
        [&f](const PilotReport& r) { return ImpactTable(f, *r.Find(table_id::kClusterRevenue)); }));
  }
  steps.push_back(FromFigures([&f] { return PoorFitRevenueTable(f); }));
  if (f.has_earlier) {
    steps.push_back(FromFigures([&f] { return ChangesTable(f); }));
  }
  if (f.has_previous) {
    steps.push_back(FromPublished([&f](const PilotReport& r) {
      return ClusterShiftTable(f, *r.Find(table_id::kDistribution));
    }));
  }
  if (f.has_earlier) {
    steps.push_back(FromFigures([&f, k] { return MovesTable(f, k); }));
    steps.push_back(FromFigures([&f] { return TransitionsTable(f); }));
  }
  if (!f.trends.empty()) {
    steps.push_back(FromFigures([&f] { return TrendsTable(f.trends); }));
    steps.push_back(FromFigures([&f] { return TrendReviewsTable(f.trends); }));
    steps.push_back(FromFigures([&f] { return TrendRevenueTable(f.trends, f.tariffs); }));
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
// rounds instead of 20, with 350 cells hidden as "x" instead of 365. Zeros
// hidden as "<5" are kept too (choosing a zero hides it as "<5" again);
// small counts from 1 to 4 hide themselves in every round, and choosing
// them would hide them as "x".
void KeepHidden(const std::vector<ReportTable>& tables, std::set<ChosenCell>* chosen) {
  auto kept = [](const ReportCell& cell) {
    return cell.privacy == CellPrivacy::kProtective ||
           (cell.privacy == CellPrivacy::kSmall && cell.kind == CellKind::kCount &&
            cell.integer == 0);
  };
  for (const ReportTable& table : tables) {
    for (const ReportRow& row : table.rows) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (kept(row.cells[c])) chosen->insert({table.id, row.key, table.columns[c].key});
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

// The report laid out round after round of hiding, from the same figures.
class ReportLayout {
 public:
  ReportLayout(const MonthlyFigures& figures, const SuppressionLimits& limits,
               const std::string& generated_at)
      : figures_(figures),
        limits_(limits),
        generated_at_(generated_at),
        steps_(TableSteps(figures, limits.suppress_below)),
        drafts_(steps_.size()) {}

  Result<PilotReport> LayOut(const std::set<ChosenCell>& chosen) {
    PilotReport report = Describe(figures_, limits_.suppress_below, generated_at_);
    for (size_t i = 0; i < steps_.size(); ++i) {
      Status published = Publish(Draft(i, report), limits_, chosen, &report);
      if (!published.ok()) return published.error();
    }
    ++rounds_;
    return report;
  }

 private:
  // The first round keeps no drafts: most reports need no second one, and
  // the drafts of a report with a revenue file weigh 14 MB.
  DraftTable Draft(size_t step, const PilotReport& published) {
    if (steps_[step].reads_published || rounds_ == 0) return steps_[step].draft(published);
    if (!drafts_[step]) drafts_[step] = steps_[step].draft(published);
    return *drafts_[step];
  }

  const MonthlyFigures& figures_;
  const SuppressionLimits& limits_;
  const std::string& generated_at_;
  std::vector<TableStep> steps_;
  std::vector<std::optional<DraftTable>> drafts_;  // of the steps that read the figures alone
  int rounds_ = 0;                                 // laid out so far
};

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
  ReportLayout layout(figures, limits, generated_at);
  if (so_far.auditor == nullptr || so_far.auditor->settings() != audit_settings) {
    so_far.auditor = std::make_unique<DisclosureAuditor>(audit_settings);
  }
  // A call that starts from earlier choices repeats the audit that passed
  // them: the same round, unless these tables need more.
  for (int round = std::max(so_far.rounds, 1);; ++round) {
    so_far.rounds = round;
    Result<PilotReport> laid_out = layout.LayOut(chosen);
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
