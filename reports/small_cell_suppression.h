// Privacy for counts of patients: a count from 1 to below the threshold is
// hidden ("<5"), and where a table shows totals, more cells are hidden ("x")
// until no hidden small count can be worked out from a total and the cells
// that are shown. The reader is assumed to know the rules: a "<5" cell holds
// 1 to threshold-1, an "x" cell holds at least the threshold.
#ifndef CLUSTERPILOT_REPORTS_SMALL_CELL_SUPPRESSION_H_
#define CLUSTERPILOT_REPORTS_SMALL_CELL_SUPPRESSION_H_

#include <vector>

#include "core/error.h"
#include "reports/report_table.h"

namespace clusterpilot {

struct CellRef {
  int row = 0;
  int column = 0;
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

// Everything a reader can work out from a table besides reading its cells.
// Plain data rather than code, so that the suppression (and the report-wide
// audit that replaces it) sees every relation the table exposes.
struct TableRelations {
  std::vector<TableSum> sums;
  std::vector<CellLink> links;  // applied in order: a chain of links settles in one round
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
};

// Makes `table` safe to publish: hides its small counts, then protects the
// sums and follows the links, again and again until a round changes
// nothing. Returns an error naming the table when that has not happened
// within limits.max_rounds rounds; the table must then not be published.
Status SuppressSmallCells(ReportTable* table, const TableRelations& relations,
                          const SuppressionLimits& limits);

// Hides every count cell from 1 to suppress_below - 1 as kSmall.
void HideSmallCounts(ReportTable* table, int suppress_below);

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
