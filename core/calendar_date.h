// A calendar date without a time zone: the day a rating was made.
#ifndef CLUSTERPILOT_CORE_CALENDAR_DATE_H_
#define CLUSTERPILOT_CORE_CALENDAR_DATE_H_

#include <compare>
#include <optional>
#include <string>

namespace clusterpilot {

struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const CalendarDate&) const = default;

  // True for a real day of the Gregorian calendar (no 31 April, 29 February
  // only in leap years).
  bool IsValid() const;

  // "2026-03-07".
  std::string ToIso() const;

  // "2026-03": the reporting month the date falls in.
  std::string MonthKey() const;

  // Days since 1970-01-01; negative before.
  int DaysSinceEpoch() const;

  // The day `days` days later (negative: earlier).
  CalendarDate PlusDays(int days) const;

  // The same day `months` months later, or the last day of that month when
  // it is shorter (31 August + 6 months = 28 or 29 February).
  CalendarDate PlusMonths(int months) const;

  // Today in the local time zone of this machine.
  static CalendarDate Today();

  // Parses yyyy-mm-dd, dd-mm-yyyy, d-m-yyyy and dd/mm/yyyy (also d/m/yyyy).
  // Returns nullopt when the text has none of these forms or names a day
  // that does not exist.
  static std::optional<CalendarDate> Parse(const std::string& text);
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_CALENDAR_DATE_H_
