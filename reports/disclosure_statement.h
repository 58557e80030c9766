// What a report says about its own privacy: how many cells it hid, why, and
// what the disclosure audit showed, in plain words for the manager who gets
// the report (Dutch, or English by setting).
#ifndef CLUSTERPILOT_REPORTS_DISCLOSURE_STATEMENT_H_
#define CLUSTERPILOT_REPORTS_DISCLOSURE_STATEMENT_H_

#include <string>

namespace clusterpilot {

struct DisclosureSummary {
  int suppress_below = 5;
  int protection_interval = 3;
  int small_cells = 0;       // hidden as "<5" (each table counted apart)
  int protective_cells = 0;  // hidden as "x"
  int audited_cells = 0;     // hidden small counts the audit bounded
  int audited_amounts = 0;   // hidden amounts of billed revenue it bounded
  int constraints = 0;       // published counts and amounts the audit held
  int narrowest = 0;         // fewest values any hidden small count can take
  int rounds = 0;            // audits until no small count was exposed
  double audit_seconds = 0;  // wall time of all the rounds' audits (for benchmarks; unpublished)
};

enum class StatementLanguage { kDutch, kEnglish };

// One paragraph for the report's notes; names no patient and no cell.
std::string DisclosureStatement(const DisclosureSummary& summary, StatementLanguage language);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_DISCLOSURE_STATEMENT_H_
