#include "core/review_period.h"

#include <algorithm>

#include "core/calendar_month.h"
#include "core/care_cluster.h"

namespace clusterpilot {
namespace {

constexpr ReviewPeriod Weeks(int weeks) { return ReviewPeriod{weeks, 0}; }
constexpr ReviewPeriod Months(int months) { return ReviewPeriod{0, months}; }

// By cluster number 0..21 (0 and 9 are no care clusters).
constexpr ReviewPeriod kPeriods[kHighestCareCluster + 1] = {
    Months(12), Weeks(12),  Weeks(15),  Months(6),  Months(6),  Months(6),  Months(6), Months(12),
    Months(12), Months(12), Months(12), Months(12), Months(12), Months(12), Weeks(4),  Weeks(4),
    Months(6),  Months(6),  Months(12), Months(6),  Months(6),  Months(6)};

// The calendar day `days` (>= 0) after `date`, a month at a time.
CalendarDate DaysLater(CalendarDate date, int days) {
  for (;;) {
    const CalendarMonth month = CalendarMonth::Of(date);
    const int left_in_month = month.Days() - date.day;
    if (days <= left_in_month) {
      date.day += days;
      return date;
    }
    days -= left_in_month + 1;
    date = month.Plus(1).FirstDay();
  }
}

CalendarDate MonthsLater(const CalendarDate& date, int months) {
  const CalendarMonth month = CalendarMonth::Of(date).Plus(months);
  CalendarDate result = month.FirstDay();
  result.day = std::min(date.day, month.Days());
  return result;
}

}  // namespace

ReviewPeriod ReviewPeriodOf(int cluster) {
  return IsCareCluster(cluster) ? kPeriods[cluster] : Months(12);
}

CalendarDate ValidUntil(const CalendarDate& rating_date, int cluster) {
  const ReviewPeriod period = ReviewPeriodOf(cluster);
  if (period.weeks > 0) return DaysLater(rating_date, 7 * period.weeks);
  return MonthsLater(rating_date, period.months);
}

}  // namespace clusterpilot
