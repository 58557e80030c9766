#include "reports/small_cell_suppression.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

namespace clusterpilot {
namespace {

constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max() / 4;

struct Range {
  int64_t low = 0;
  int64_t high = 0;
};

// What a reader who knows the rules can tell about a cell.
Range ReaderRange(const ReportCell& cell, int suppress_below) {
  switch (cell.privacy) {
    case CellPrivacy::kShown:
      return {cell.integer, cell.integer};
    case CellPrivacy::kSmall:
      return {1, suppress_below - 1};
    case CellPrivacy::kProtective:
      if (cell.kind == CellKind::kCount) return {suppress_below, kUnbounded};
      return {-kUnbounded, kUnbounded};
  }
  return {0, 0};
}

int64_t ClampedAdd(int64_t a, int64_t b) {
  return std::clamp(a + b, -kUnbounded, kUnbounded);  // kUnbounded leaves room for one addition
}

std::vector<CellRef> CellsOf(const TableSum& sum) {
  std::vector<CellRef> cells = sum.parts;
  cells.push_back(sum.total);
  return cells;
}

// The values a hidden small part (or the total, when index == parts.size())
// can take given everything else in the sum.
Range FeasibleRange(const ReportTable& table, const TableSum& sum, size_t index,
                    int suppress_below) {
  Range total = ReaderRange(table.At(sum.total.row, sum.total.column), suppress_below);
  Range others{0, 0};
  for (size_t i = 0; i < sum.parts.size(); ++i) {
    if (i == index) continue;
    const Range part = ReaderRange(table.At(sum.parts[i].row, sum.parts[i].column), suppress_below);
    others.low = ClampedAdd(others.low, part.low);
    others.high = ClampedAdd(others.high, part.high);
  }
  Range feasible;
  if (index == sum.parts.size()) {
    feasible = others;  // the total is the sum of the parts
  } else {
    feasible = {ClampedAdd(total.low, -others.high), ClampedAdd(total.high, -others.low)};
  }
  feasible.low = std::max<int64_t>(feasible.low, 1);
  feasible.high = std::min<int64_t>(feasible.high, suppress_below - 1);
  return feasible;
}

bool SumIsSafe(const ReportTable& table, const TableSum& sum, int suppress_below) {
  const std::vector<CellRef> cells = CellsOf(sum);
  int hidden = 0;
  for (const CellRef& ref : cells) hidden += table.At(ref.row, ref.column).Hidden() ? 1 : 0;
  if (hidden == 0) return true;
  if (hidden == 1) return false;
  for (size_t i = 0; i < cells.size(); ++i) {
    const ReportCell& cell = table.At(cells[i].row, cells[i].column);
    if (cell.privacy != CellPrivacy::kSmall || suppress_below <= 2) continue;
    const Range feasible = FeasibleRange(table, sum, i, suppress_below);
    if (feasible.high <= feasible.low) return false;
  }
  return true;
}

bool SameCell(const CellRef& a, const CellRef& b) { return a.row == b.row && a.column == b.column; }

// How many of the unsafe sums other than `sum` hold `ref` as a part: hiding
// a cell where a row and a column both need one protects both at once.
int UnsafeSumsHolding(const std::vector<const TableSum*>& unsafe, const TableSum& sum,
                      const CellRef& ref) {
  int holding = 0;
  for (const TableSum* other : unsafe) {
    if (other == &sum) continue;
    for (const CellRef& part : other->parts) holding += SameCell(part, ref) ? 1 : 0;
  }
  return holding;
}

// The shown cell to hide next: a part before the total; among the parts
// the one that also protects most other unsafe sums, then the smallest
// non-zero value, as it carries the least information.
bool PickProtectiveCell(const ReportTable& table, const TableSum& sum,
                        const std::vector<const TableSum*>& unsafe, CellRef* pick) {
  bool found = false;
  std::pair<int, int64_t> best{0, 0};  // (-other sums protected, size): the least is best
  for (const CellRef& ref : sum.parts) {
    const ReportCell& cell = table.At(ref.row, ref.column);
    if (cell.Hidden() || cell.kind == CellKind::kEmpty || cell.integer == 0) continue;
    const int64_t size = cell.integer < 0 ? -cell.integer : cell.integer;
    const std::pair<int, int64_t> cost{-UnsafeSumsHolding(unsafe, sum, ref), size};
    if (!found || cost < best) {
      found = true;
      best = cost;
      *pick = ref;
    }
  }
  if (found) return true;
  const ReportCell& total = table.At(sum.total.row, sum.total.column);
  if (total.Hidden() || total.kind == CellKind::kEmpty) return false;
  *pick = sum.total;
  return true;
}

std::vector<const TableSum*> UnsafeSums(const ReportTable& table, const std::vector<TableSum>& sums,
                                        int suppress_below) {
  std::vector<const TableSum*> unsafe;
  for (const TableSum& sum : sums) {
    if (!SumIsSafe(table, sum, suppress_below)) unsafe.push_back(&sum);
  }
  return unsafe;
}

// HideWith over every link, in order; true when it hid anything.
bool FollowLinks(ReportTable* table, const std::vector<CellLink>& links) {
  bool changed = false;
  for (const CellLink& link : links) {
    const bool was_hidden = table->At(link.target.row, link.target.column).Hidden();
    HideWith(table, link.source, link.target);
    changed = changed || was_hidden != table->At(link.target.row, link.target.column).Hidden();
  }
  return changed;
}

Error Unsettled(const ReportTable& table, int rounds) {
  Error error = MakeError("hiding small numbers did not settle after " + std::to_string(rounds) +
                          " rounds; the report is not written (a bug: please report it)");
  error.field = "table";
  error.value = table.id;
  return error;
}

}  // namespace

Status SuppressSmallCells(ReportTable* table, const TableRelations& relations,
                          const SuppressionLimits& limits) {
  HideSmallCounts(table, limits.suppress_below);
  for (int round = 0; round < limits.max_rounds; ++round) {
    ProtectSums(table, relations.sums, limits.suppress_below);
    if (!FollowLinks(table, relations.links)) return Status::Ok();
  }
  return Unsettled(*table, limits.max_rounds);
}

void HideAsComplement(ReportCell* cell) {
  const bool zero = cell->kind == CellKind::kCount && cell->integer == 0;
  cell->privacy = zero ? CellPrivacy::kSmall : CellPrivacy::kProtective;
}

void HideSmallCounts(ReportTable* table, int suppress_below) {
  for (ReportRow& row : table->rows) {
    for (ReportCell& cell : row.cells) {
      if (cell.kind == CellKind::kCount && cell.integer > 0 && cell.integer < suppress_below) {
        cell.privacy = CellPrivacy::kSmall;
      }
    }
  }
}

void HideWith(ReportTable* table, CellRef source, CellRef target) {
  ReportCell& hidden = table->At(target.row, target.column);
  if (table->At(source.row, source.column).Hidden() && !hidden.Hidden() &&
      hidden.kind != CellKind::kEmpty) {
    HideAsComplement(&hidden);
  }
}

void ProtectSums(ReportTable* table, const std::vector<TableSum>& sums, int suppress_below) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (const TableSum& sum : sums) {
      while (!SumIsSafe(*table, sum, suppress_below)) {
        CellRef pick;
        const std::vector<const TableSum*> unsafe = UnsafeSums(*table, sums, suppress_below);
        if (!PickProtectiveCell(*table, sum, unsafe, &pick)) break;  // everything is hidden
        HideAsComplement(&table->At(pick.row, pick.column));
        changed = true;
      }
    }
  }
}

bool SumsProtectSmallCells(const ReportTable& table, const std::vector<TableSum>& sums,
                           int suppress_below) {
  for (const TableSum& sum : sums) {
    const std::vector<CellRef> cells = CellsOf(sum);
    int hidden = 0;
    for (const CellRef& ref : cells) hidden += table.At(ref.row, ref.column).Hidden() ? 1 : 0;
    if (hidden == 1) return false;
    for (size_t i = 0; i < cells.size() && suppress_below > 2; ++i) {
      if (table.At(cells[i].row, cells[i].column).privacy != CellPrivacy::kSmall) continue;
      const Range feasible = FeasibleRange(table, sum, i, suppress_below);
      if (feasible.high <= feasible.low) return false;
    }
  }
  return true;
}

}  // namespace clusterpilot
