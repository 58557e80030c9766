// How long a care cluster's rating stays valid before the patient must be
// re-rated: the UK tool's cluster-specific review periods
// (../shared/domain/clustering.md), and the Dutch rule of at least once a
// year for a rating without a cluster.
#ifndef CLUSTERPILOT_CORE_REVIEW_PERIOD_H_
#define CLUSTERPILOT_CORE_REVIEW_PERIOD_H_

#include <string>

#include "core/calendar_date.h"

namespace clusterpilot {

// Either weeks or months; exactly one of them is non-zero.
struct ReviewPeriod {
  int weeks = 0;
  int months = 0;

  // The day the re-rating of a rating made on `rated` is due.
  CalendarDate DueAfter(const CalendarDate& rated) const;
  // "12 weeks", "6 months", "12 months".
  std::string Describe() const;
};

// The review period of `cluster`; 12 months for 0 (no cluster) and any
// number that is no care cluster.
ReviewPeriod ReviewPeriodOf(int cluster);

// No review period is shorter (clusters 14 and 15: four weeks): a rating
// made fewer days ago than this is due for no cluster.
inline constexpr int kShortestReviewDays = 28;

// The last day a rating of `cluster` made on `rating_date` gives a valid
// cluster: the day its re-rating is due.
CalendarDate ValidUntil(const CalendarDate& rating_date, int cluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_REVIEW_PERIOD_H_
