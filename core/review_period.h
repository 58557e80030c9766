// How long a rating stays valid: each care cluster has a review period after
// which the patient is due to be rated again (domain/clustering.md, after the
// UK tool: 4 weeks for a psychotic crisis, a year for enduring problems).
#ifndef CLUSTERPILOT_CORE_REVIEW_PERIOD_H_
#define CLUSTERPILOT_CORE_REVIEW_PERIOD_H_

#include "core/calendar_date.h"

namespace clusterpilot {

// A period of whole weeks or whole calendar months (exactly one is nonzero).
struct ReviewPeriod {
  int weeks = 0;
  int months = 0;
};

// The review period of care cluster `cluster` (IsCareCluster); a year for
// anything else, the Dutch rule of at least one rating a year.
ReviewPeriod ReviewPeriodOf(int cluster);

// The last day a rating made on `rating_date` in `cluster` is valid: the
// rating date plus the period (months that end short keep their last day:
// 31 August plus 6 months is 28 or 29 February).
CalendarDate ValidUntil(const CalendarDate& rating_date, int cluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_REVIEW_PERIOD_H_
