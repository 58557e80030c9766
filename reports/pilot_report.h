// The monthly pilot report as every output format shows it: the figures of
// the month laid out as tables, with small cells hidden the same way for
// HTML, CSV, XLSX and JSON. Writers read only the tables (and the report's
// description), never the raw figures, so nothing hidden can leak through
// one format.
#ifndef CLUSTERPILOT_REPORTS_PILOT_REPORT_H_
#define CLUSTERPILOT_REPORTS_PILOT_REPORT_H_

#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/error.h"
#include "core/language.h"
#include "reports/disclosure_audit.h"
#include "reports/disclosure_statement.h"
#include "reports/monthly_figures.h"
#include "reports/report_table.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

struct PilotReport {
  std::string month_key;            // "2026-10"
  std::string month_name;           // "October 2026"
  std::string previous_month_name;  // empty when there is no previous month in the store
  std::string model;                // "default 1.0", or "" when nothing is classified
  std::string tariff_file;
  std::string revenue_file;  // empty: no revenue file given
  std::string generated_at;  // UTC timestamp
  int suppress_below = 5;
  // The language HTML, CSV and XLSX are written in (report_language.h); the
  // tables themselves and the JSON stay English.
  Language language = kDefaultLanguage;
  int draws = 0;
  uint64_t seed = 0;
  double price_correlation = 0;
  int valid_rating_months = 12;
  std::vector<std::string> warnings;
  std::vector<ReportTable> tables;
  // Per table: the sums, links and meanings a reader can check, as
  // suppression and the disclosure audit saw them.
  std::vector<TableRelations> relations;
  DisclosureSummary disclosure;

  const ReportTable* Find(const std::string& id) const;  // nullptr when absent
};

// Lays the figures out as tables and hides small cells in every one of them
// (SuppressSmallCells), then audits the whole report (DisclosureAuditor) and
// hides further cells until no hidden small count is exposed; each round
// hides at least what the one before it hid. Fails, publishing nothing,
// when the hiding of a table does not settle within limits.max_rounds, or
// the audit not within limits.max_audit_rounds.
//
// With `choices`, hiding starts from the cells an earlier call chose and
// counts on from its rounds, and `choices` holds this call's on return: the
// report audits its tables while the Monte Carlo draws (the intervals hide
// no cell and the audit reads none), then builds them again with the
// intervals, which its auditor, kept from the first call, then passes
// without building its program again: only hidden figures that the
// published ones pin to zero are solved for again. Both calls run on the
// same thread (DisclosureAuditor).
struct AuditChoices {
  std::set<std::tuple<std::string, std::string, std::string>> cells;  // table, row, column keys
  int rounds = 0;                                                     // audits run so far
  double audit_seconds = 0;
  std::unique_ptr<DisclosureAuditor> auditor;  // made by the first call
};

Result<PilotReport> BuildPilotReport(const MonthlyFigures& figures, const SuppressionLimits& limits,
                                     const std::string& generated_at,
                                     AuditChoices* choices = nullptr);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_PILOT_REPORT_H_
