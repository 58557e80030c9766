// Whose re-rating is due: from each patient's latest rating and the review
// period of its cluster (core/review_period.h), the patients due within a
// window after the as-of date or already overdue. Patients without contact
// lately (no revenue rows in the last months) are left out as discharged.
#ifndef CLUSTERPILOT_REPORTS_DUE_LIST_H_
#define CLUSTERPILOT_REPORTS_DUE_LIST_H_

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/calendar_date.h"
#include "core/review_period.h"
#include "reports/revenue_table.h"
#include "store/latest_ratings.h"

namespace clusterpilot {

struct DueRating {
  LatestRating last;  // the rating the re-rating follows
  ReviewPeriod period;
  CalendarDate due;
  int days_overdue = 0;  // as-of minus due: negative while still due in the window

  bool Overdue() const { return days_overdue > 0; }
};

// Patient ids, looked up once per latest rating.
using PatientSet = std::unordered_set<std::string>;

struct DueQuery {
  CalendarDate as_of;
  int within_days = 0;  // also list what falls due up to as_of + within_days
  // Patients with revenue rows lately; nullopt: no revenue known, nobody is
  // left out.
  std::optional<PatientSet> active_patients;
};

// Which latest ratings the due list of `department` (empty: every
// department) and `clinician` (empty: everyone) needs for `query`: only
// those made early enough to fall due by as_of + within_days (no review
// period is shorter than kShortestReviewDays).
LatestRatingFilter DueCandidates(const std::string& department, const std::string& clinician,
                                 const DueQuery& query);

// The due and overdue ratings of each of `departments` ("" for every
// department) and `clinician` ("" for everyone), the most overdue first,
// then by patient id; only the due ones are kept as the latest ratings are
// read. The first list of a store builds the latest ratings (a write
// transaction; about 1.5 s for 1,000,000 measurements).
Result<std::vector<DueRating>> ReadDueRatings(Store& store,
                                              const std::vector<std::string>& departments,
                                              const std::string& clinician, const DueQuery& query);

// Without revenue rows for this many months a patient counts as discharged
// (setting due.discharged_after_months).
inline constexpr int kDefaultDischargedAfterMonths = 3;

// The patients with a revenue row in the `months` months up to and including
// the month of `as_of`: those still in care.
PatientSet PatientsWithRecentRevenue(const RevenueTable& revenue, const CalendarDate& as_of,
                                     int months);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_DUE_LIST_H_
