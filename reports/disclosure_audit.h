// The audit statistical offices run before publishing tables (tau-ARGUS's
// audit): every count and amount a report publishes is a linear constraint
// on the hidden counts (TableRelations::meanings), and a linear program
// (GLPK) finds, for every hidden small count, the least and the most it can
// be given all of them. A count that the published figures narrow to fewer
// than `protection_interval` whole values is exposed, and the report needs
// more cells hidden (ComplementaryCells) before it can be published. A
// hidden amount that holds billed revenue (which no tariff prices) must not
// follow from the published figures either: the same program bounds it, and
// an amount pinned to less than a euro is exposed as well.
#ifndef CLUSTERPILOT_REPORTS_DISCLOSURE_AUDIT_H_
#define CLUSTERPILOT_REPORTS_DISCLOSURE_AUDIT_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.h"
#include "reports/report_table.h"
#include "reports/small_cell_suppression.h"

namespace clusterpilot {

struct AuditSettings {
  int suppress_below = 5;  // a "<5" cell holds 0..suppress_below-1, as the reader knows
  // A hidden small count must keep at least this many possible whole
  // values; at most suppress_below - 1.
  int protection_interval = 3;

  bool operator==(const AuditSettings&) const = default;
};

// A cell of the report: tables[table].At(cell.row, cell.column).
struct PublishedCell {
  int table = 0;
  CellRef cell;

  bool operator==(const PublishedCell&) const = default;
};

// A hidden small count that the published figures narrow too far, or a
// hidden amount they pin.
struct CellExposure {
  PublishedCell cell;
  int64_t low = 0;  // the least and the most it can be: whole patients, or cents
  int64_t high = 0;
  bool amount = false;
  std::vector<PublishedCell> binding;  // shown figures that pin it (nonzero dual)
  // Shown figures that share a quantity with it or with a hidden figure
  // that pins it (a hidden total, an "x" at its least): where to break the
  // pin when no shown figure holds it directly.
  std::vector<PublishedCell> neighbours;
};

struct DisclosureAudit {
  int constraints = 0;      // published counts and amounts the program holds
  int audited_cells = 0;    // hidden small counts it bounded
  int audited_amounts = 0;  // hidden amounts of billed revenue it bounded
  // Fewest whole values any of them was shown to take: its range, or for a
  // count the spread of its witnesses, which the range holds; 0 when none.
  int narrowest = 0;
  std::vector<CellExposure> exposures;  // those below the protection interval
};

// Audits one report: `relations[i]` belongs to `tables[i]`. Fails when the
// published figures contradict each other (the meanings of some table are
// wrong: a bug, the report must not be published) or GLPK fails.
Result<DisclosureAudit> AuditDisclosure(const std::vector<ReportTable>& tables,
                                        const std::vector<TableRelations>& relations,
                                        const AuditSettings& settings);

// Audits a report round after round, as it is laid out again with more
// cells hidden (pilot_report.h). A round that publishes the same figures
// with the same meanings, each hidden as much as before or more, only
// widens what the reader can work out: the auditor then loosens the linear
// program it built in the first round instead of building and solving it
// anew, and a hidden count the earlier rounds showed protected stays
// protected without another solve. Any other report is audited afresh.
//
// GLPK keeps its memory per thread: an auditor is used and destroyed on the
// thread that made it.
class DisclosureAuditor {
 public:
  explicit DisclosureAuditor(const AuditSettings& settings);
  ~DisclosureAuditor();
  DisclosureAuditor(const DisclosureAuditor&) = delete;
  DisclosureAuditor& operator=(const DisclosureAuditor&) = delete;

  // As AuditDisclosure, for this round's report.
  Result<DisclosureAudit> Audit(const std::vector<ReportTable>& tables,
                                const std::vector<TableRelations>& relations);

  const AuditSettings& settings() const { return settings_; }
  // Whether the last Audit loosened the previous round's program rather
  // than building a new one; for tests.
  bool ReusedProgram() const { return reused_; }

 private:
  struct Rounds;  // the program and what the rounds so far proved
  AuditSettings settings_;
  std::unique_ptr<Rounds> rounds_;
  bool reused_ = false;
};

// Shown cells to hide next, at most one per exposure, chosen to cover the
// exposures with few cells: a count before a zero before an amount (an
// amount is worth more to the reader), then a figure that pins several
// exposures, then the smallest. The figures that pin an exposure are
// its candidates; where all of them are hidden already, its neighbours
// are. A zero is hidden as "<5" (fewer than five), never as "x" (at least
// five). Empty when no exposure has a candidate left.
std::vector<PublishedCell> ComplementaryCells(const std::vector<ReportTable>& tables,
                                              const DisclosureAudit& audit);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_DISCLOSURE_AUDIT_H_
