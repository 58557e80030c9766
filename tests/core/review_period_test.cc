#include "core/review_period.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace clusterpilot {
namespace {

TEST(ReviewPeriodTest, EveryClusterHasItsPeriod) {
  std::string periods;
  for (int cluster = 0; cluster <= 21; ++cluster) {
    periods += std::to_string(cluster) + ":" + ReviewPeriodOf(cluster).Describe() + " ";
  }
  EXPECT_EQ(periods,
            "0:12 months 1:12 weeks 2:15 weeks 3:6 months 4:6 months 5:6 months 6:6 months "
            "7:12 months 8:12 months 9:12 months 10:12 months 11:12 months 12:12 months "
            "13:12 months 14:4 weeks 15:4 weeks 16:6 months 17:6 months 18:12 months "
            "19:6 months 20:6 months 21:6 months ");
}

// The due list reads only ratings at least this old: no cluster may fall
// due sooner, whatever the day it was rated on.
TEST(ReviewPeriodTest, NoClusterFallsDueSoonerThanTheShortestReviewPeriod) {
  int shortest = 1000;
  for (CalendarDate rated{2027, 1, 1}; rated.ToIso() < "2029-01-01"; rated = rated.PlusDays(1)) {
    for (int cluster = 0; cluster <= 21; ++cluster) {
      const int days =
          ReviewPeriodOf(cluster).DueAfter(rated).DaysSinceEpoch() - rated.DaysSinceEpoch();
      shortest = std::min(shortest, days);
    }
  }
  EXPECT_EQ(shortest, kShortestReviewDays);
}

TEST(ReviewPeriodTest, DueDatesCountWeeksAndCalendarMonths) {
  const CalendarDate rated{2026, 8, 31};
  EXPECT_EQ(ReviewPeriodOf(1).DueAfter(rated).ToIso(), "2026-11-23");
  EXPECT_EQ(ReviewPeriodOf(14).DueAfter(rated).ToIso(), "2026-09-28");
  EXPECT_EQ(ReviewPeriodOf(4).DueAfter(rated).ToIso(), "2027-02-28");
  EXPECT_EQ(ReviewPeriodOf(7).DueAfter(rated).ToIso(), "2027-08-31");
  EXPECT_EQ(ReviewPeriodOf(4).DueAfter(CalendarDate{2027, 8, 31}).ToIso(), "2028-02-29");
}

// ValidUntil, as the report's whole-caseload revenue uses it.

CalendarDate Date(int year, int month, int day) { return CalendarDate{year, month, day}; }

TEST(ReviewPeriodTest, PeriodsFollowTheClusterTable) {
  EXPECT_EQ(ReviewPeriodOf(1).weeks, 12);
  EXPECT_EQ(ReviewPeriodOf(2).weeks, 15);
  EXPECT_EQ(ReviewPeriodOf(5).months, 6);
  EXPECT_EQ(ReviewPeriodOf(7).months, 12);
  EXPECT_EQ(ReviewPeriodOf(14).weeks, 4);
  EXPECT_EQ(ReviewPeriodOf(15).weeks, 4);
  EXPECT_EQ(ReviewPeriodOf(17).months, 6);
  EXPECT_EQ(ReviewPeriodOf(18).months, 12);
  EXPECT_EQ(ReviewPeriodOf(21).months, 6);
  EXPECT_EQ(ReviewPeriodOf(9).months, 12);  // no care cluster: the yearly rule
}

TEST(ReviewPeriodTest, WeeksCountCalendarDaysAcrossMonthsAndYears) {
  EXPECT_EQ(ValidUntil(Date(2026, 10, 14), 14), Date(2026, 11, 11));  // 4 weeks
  EXPECT_EQ(ValidUntil(Date(2026, 12, 20), 15), Date(2027, 1, 17));
  EXPECT_EQ(ValidUntil(Date(2026, 1, 1), 1), Date(2026, 3, 26));   // 12 weeks = 84 days
  EXPECT_EQ(ValidUntil(Date(2028, 2, 1), 14), Date(2028, 2, 29));  // leap year
}

TEST(ReviewPeriodTest, MonthsKeepTheDayOrTheMonthsLastDay) {
  EXPECT_EQ(ValidUntil(Date(2025, 10, 1), 7), Date(2026, 10, 1));
  EXPECT_EQ(ValidUntil(Date(2026, 8, 31), 5), Date(2027, 2, 28));
  EXPECT_EQ(ValidUntil(Date(2027, 8, 31), 5), Date(2028, 2, 29));
}

}  // namespace
}  // namespace clusterpilot
