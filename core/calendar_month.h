// A calendar month, written "2026-10": the month a report covers, the last
// month a generated institution has ratings, the month `assignments` lists.
// The arithmetic is std::chrono::year_month's, so no code counts months by
// hand.
#ifndef CLUSTERPILOT_CORE_CALENDAR_MONTH_H_
#define CLUSTERPILOT_CORE_CALENDAR_MONTH_H_

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/calendar_date.h"
#include "core/error.h"

namespace clusterpilot {

class CalendarMonth {
 public:
  // January 1970; only as a placeholder before a real month is assigned.
  CalendarMonth() = default;
  // `month` 1..12; the caller makes sure it is.
  CalendarMonth(int year, int month);
  explicit CalendarMonth(std::chrono::year_month month) : month_(month) {}

  // Accepts exactly "YYYY-MM" with a year from 1900 to 9999 and a month from
  // 01 to 12. The error names the value: `"2026-13": not a month; write it
  // as YYYY-MM, e.g. 2026-03` (callers add the option or field name).
  static Result<CalendarMonth> Parse(std::string_view text);

  // The month `date` falls in.
  static CalendarMonth Of(const CalendarDate& date);
  // The month of today in the local time zone of this machine.
  static CalendarMonth Current();

  int year() const { return static_cast<int>(month_.year()); }
  int month() const { return static_cast<int>(static_cast<unsigned>(month_.month())); }

  // "2026-10".
  std::string Key() const;
  // "October 2026".
  std::string Name() const;
  // 2026-10-01.
  CalendarDate FirstDay() const;
  // "2026-10-01": for comparing with ISO rating dates.
  std::string FirstDayIso() const;
  // The number of days in the month (28..31).
  int Days() const;

  // The month `count` months later (negative: earlier).
  CalendarMonth Plus(int count) const;
  // How many months `later` is after this one (negative when before).
  int MonthsUntil(const CalendarMonth& later) const;

  friend bool operator==(const CalendarMonth&, const CalendarMonth&) = default;
  friend std::strong_ordering operator<=>(const CalendarMonth& a, const CalendarMonth& b) {
    return a.month_ <=> b.month_;
  }

 private:
  std::chrono::year_month month_{std::chrono::year{1970}, std::chrono::January};
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_CALENDAR_MONTH_H_
