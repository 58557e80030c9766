#include "core/review_period.h"

#include "core/care_cluster.h"

namespace clusterpilot {

CalendarDate ReviewPeriod::DueAfter(const CalendarDate& rated) const {
  return weeks > 0 ? rated.PlusDays(7 * weeks) : rated.PlusMonths(months);
}

std::string ReviewPeriod::Describe() const {
  return weeks > 0 ? std::to_string(weeks) + " weeks" : std::to_string(months) + " months";
}

ReviewPeriod ReviewPeriodOf(int cluster) {
  if (!IsCareCluster(cluster)) return {0, 12};
  switch (cluster) {
    case 1:
      return {12, 0};
    case 2:
      return {15, 0};
    case 14:
    case 15:
      return {4, 0};
    case 7:
    case 8:
    case 10:
    case 11:
    case 12:
    case 13:
    case 18:
      return {0, 12};
    default:  // 3-6, 16, 17, 19-21
      return {0, 6};
  }
}

CalendarDate ValidUntil(const CalendarDate& rating_date, int cluster) {
  return ReviewPeriodOf(cluster).DueAfter(rating_date);
}

}  // namespace clusterpilot
