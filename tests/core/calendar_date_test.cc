#include "core/calendar_date.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(CalendarDateTest, ParsesEveryExportForm) {
  const CalendarDate expected{2026, 3, 7};
  for (const char* text : {"2026-03-07", "07-03-2026", "7-3-2026", "07/03/2026", "7/3/2026"}) {
    auto parsed = CalendarDate::Parse(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, expected) << text;
  }
}

TEST(CalendarDateTest, RejectsDaysThatDoNotExist) {
  for (const char* text : {"2026-02-29", "31-04-2026", "2026-13-01", "00-01-2026", "2026-3-7",
                           "2026/03/07", "", "yesterday", "07-03-26", "2026-03-07x"}) {
    EXPECT_FALSE(CalendarDate::Parse(text).has_value()) << text;
  }
  EXPECT_TRUE(CalendarDate::Parse("29-02-2024").has_value());
}

TEST(CalendarDateTest, FormatsAndCounts) {
  const CalendarDate date{2026, 3, 7};
  EXPECT_EQ(date.ToIso(), "2026-03-07");
  EXPECT_EQ(date.MonthKey(), "2026-03");
  EXPECT_EQ((CalendarDate{1970, 1, 2}).DaysSinceEpoch(), 1);
  EXPECT_LT((CalendarDate{2026, 2, 28}), (CalendarDate{2026, 3, 1}));
}

}  // namespace
}  // namespace clusterpilot
