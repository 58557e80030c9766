#include "core/calendar_month.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(CalendarMonthTest, ParsesYearDashMonth) {
  Result<CalendarMonth> parsed = CalendarMonth::Parse("2026-03");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(parsed.value(), CalendarMonth(2026, 3));
  EXPECT_EQ(parsed.value().year(), 2026);
  EXPECT_EQ(parsed.value().month(), 3);
}

TEST(CalendarMonthTest, RefusesAnythingElseNamingTheValue) {
  for (const char* text : {"2026-13", "2026-00", "2026-3", "26-03", "2026/03", "2026-03-01",
                           "maart", "1899-12", "+026-03", "2026--3", "2026-1a"}) {
    Result<CalendarMonth> parsed = CalendarMonth::Parse(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().ToString(),
              "\"" + std::string(text) + "\": not a month; write it as YYYY-MM, e.g. 2026-03");
  }
  EXPECT_EQ(CalendarMonth::Parse("").error().ToString(),
            "not a month; write it as YYYY-MM, e.g. 2026-03");
}

TEST(CalendarMonthTest, Formats) {
  const CalendarMonth month(2026, 10);
  EXPECT_EQ(month.Key(), "2026-10");
  EXPECT_EQ(month.Name(), "October 2026");
  EXPECT_EQ(month.FirstDayIso(), "2026-10-01");
  EXPECT_EQ(month.FirstDay(), (CalendarDate{2026, 10, 1}));
  EXPECT_EQ(CalendarMonth(987, 1).Key(), "0987-01");
}

TEST(CalendarMonthTest, CountsMonthsAcrossYears) {
  const CalendarMonth january(2026, 1);
  EXPECT_EQ(january.Plus(-1), CalendarMonth(2025, 12));
  EXPECT_EQ(january.Plus(11), CalendarMonth(2026, 12));
  EXPECT_EQ(january.Plus(12), CalendarMonth(2027, 1));
  EXPECT_EQ(january.Plus(-25), CalendarMonth(2023, 12));
  EXPECT_EQ(january.Plus(0), january);
  EXPECT_EQ(CalendarMonth(2025, 11).MonthsUntil(CalendarMonth(2026, 2)), 3);
  EXPECT_EQ(CalendarMonth(2026, 2).MonthsUntil(CalendarMonth(2025, 11)), -3);
  EXPECT_LT(CalendarMonth(2025, 12), january);
}

TEST(CalendarMonthTest, KnowsItsDays) {
  EXPECT_EQ(CalendarMonth(2024, 2).Days(), 29);
  EXPECT_EQ(CalendarMonth(2026, 2).Days(), 28);
  EXPECT_EQ(CalendarMonth(2100, 2).Days(), 28);
  EXPECT_EQ(CalendarMonth(2026, 4).Days(), 30);
  EXPECT_EQ(CalendarMonth(2026, 12).Days(), 31);
}

TEST(CalendarMonthTest, IsTheMonthOfADate) {
  EXPECT_EQ(CalendarMonth::Of(CalendarDate{2026, 3, 31}), CalendarMonth(2026, 3));
  const CalendarDate today = CalendarDate::Today();
  EXPECT_EQ(CalendarMonth::Current(), CalendarMonth(today.year, today.month));
}

}  // namespace
}  // namespace clusterpilot
