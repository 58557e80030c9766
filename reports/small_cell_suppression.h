// Privacy for counts of patients: a count from 1 to below the threshold is
// hidden ("<5"), and where a table shows totals, more cells are hidden ("x")
// until no hidden small count can be worked out from a total and the cells
// that are shown. The reader is assumed to know the rules: a "<5" cell holds
// 0 to threshold-1 (a zero is hidden as "<5" where it must be hidden at
// all), an "x" cell holds at least the threshold. The rules here are quick
// heuristics per table; the disclosure audit (disclosure_audit.h) checks the
// whole report and has the last word.
#ifndef CLUSTERPILOT_REPORTS_SMALL_CELL_SUPPRESSION_H_
#define CLUSTERPILOT_REPORTS_SMALL_CELL_SUPPRESSION_H_

#include <string>
#include <vector>

#include "core/error.h"
#include "reports/report_table.h"

namespace clusterpilot {

struct CellRef {
  int row = 0;
  int column = 0;

  bool operator==(const CellRef&) const = default;
};

// A relation the reader can see in the table: total = the sum of the parts.
struct TableSum {
  CellRef total;
  std::vector<CellRef> parts;
};

// A figure computed from another cell of the same table, such as a
// percentage or an amount from its count: hidden ("x") whenever its source is.
struct CellLink {
  CellRef source;
  CellRef target;
};

// One term of what a published figure means: `weight` times a quantity of
// the whole report, named the same in every table that shows it, such as
// "clusters/department:Psychosomatics/4" (that department's patients in
// cluster 4). Counts are whole and never negative; amounts (euro cents,
// such as billed revenue) can be anything.
struct QuantityTerm {
  std::string quantity;
  double weight = 1;  // 1 for a count; a tariff in cents for an amount priced from counts
  bool count = true;
};

// A published cell as a weighted sum of quantities: a total is the sum of
// its parts' quantities, an amount the sum of counts times tariffs the reader
// knows. Two cells of different tables with the same terms are the same figure.
struct CellMeaning {
  CellRef cell;
  std::vector<QuantityTerm> terms;
};

// Everything a reader can work out from a table besides reading its cells.
// Plain data rather than code, so that the suppression and the report-wide
// disclosure audit (disclosure_audit.h) see every relation the table exposes:
// the sums and links drive the table's own suppression, the meanings put
// every count and amount into the audit's linear program. Percentages and
// means are no linear figures: links hide them with their sources.
struct TableRelations {
  std::vector<TableSum> sums;
  std::vector<CellLink> links;  // applied in order: a chain of links settles in one round
  std::vector<CellMeaning> meanings;
  // Sums of quantities the reader knows are never negative, though no cell
  // shows them: a department's patients in a cluster this month include its
  // re-rated patients who reached that cluster.
  std::vector<std::vector<QuantityTerm>> never_negative = {};
};

// A table as a builder lays it out, before anything is hidden.
struct DraftTable {
  ReportTable table;
  TableRelations relations;
};

struct SuppressionLimits {
  int suppress_below = 5;  // counts 1..suppress_below-1 are small; >= 2
  // Protecting a sum can hide a source of a link and following a link can
  // unsettle a sum. Both only ever hide more, so the rounds end; real tables
  // settle in two or three. A table that needs more is hiding far more than
  // its layout intends, which wants a look before anything is published.
  int max_rounds = 8;
  // The disclosure audit (disclosure_audit.h): every hidden small count must
  // keep at least this many possible whole values given everything the
  // report publishes; at most suppress_below - 1.
  int protection_interval = 3;
  // Rounds of audit and further hiding before the report gives up; each
  // round hides at least one more cell, real reports settle in a few.
  int max_audit_rounds = 60;
};

// Makes `table` safe to publish: hides its small counts, then protects the
// sums and follows the links, again and again until a round changes
// nothing. Returns an error naming the table when that has not happened
// within limits.max_rounds rounds; the table must then not be published.
Status SuppressSmallCells(ReportTable* table, const TableRelations& relations,
                          const SuppressionLimits& limits);

// Hides every count cell from 1 to suppress_below - 1 as kSmall.
void HideSmallCounts(ReportTable* table, int suppress_below);

// Hides a cell to protect others: as kProtective ("x", at least the
// threshold), but a zero count as kSmall ("<5", fewer than the threshold),
// so that no marker misstates its cell.
void HideAsComplement(ReportCell* cell);

// Hides `target` (kProtective) when `source` is hidden: a figure computed
// from a hidden count, such as its percentage or its revenue.
void HideWith(ReportTable* table, CellRef source, CellRef target);

// Hides further cells (kProtective) until, in every sum, no hidden small
// count is pinned to a single value and no hidden amount is the only hidden
// cell. Prefers hiding parts over totals, and small parts over large ones.
void ProtectSums(ReportTable* table, const std::vector<TableSum>& sums, int suppress_below);

// True when `sums` leave every hidden small count of the table with at least
// two possible values, by interval reasoning over each sum; for tests.
bool SumsProtectSmallCells(const ReportTable& table, const std::vector<TableSum>& sums,
                           int suppress_below);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_SMALL_CELL_SUPPRESSION_H_
