#include "core/calendar_month.h"

#include <charconv>
#include <cstdio>

namespace clusterpilot {
namespace {

bool ParseDigits(std::string_view text, int low, int high, int* out) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size() && *out >= low && *out <= high;
}

}  // namespace

CalendarMonth::CalendarMonth(int year, int month)
    : month_(std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}) {}

Result<CalendarMonth> CalendarMonth::Parse(std::string_view text) {
  int year = 0;
  int month = 0;
  if (text.size() != 7 || text[4] != '-' || !ParseDigits(text.substr(0, 4), 1900, 9999, &year) ||
      !ParseDigits(text.substr(5, 2), 1, 12, &month)) {
    Error error;
    error.value = std::string(text);
    error.message = "not a month; write it as YYYY-MM, e.g. 2026-03";
    return error;
  }
  return CalendarMonth(year, month);
}

CalendarMonth CalendarMonth::Of(const CalendarDate& date) {
  return CalendarMonth(date.year, date.month);
}

CalendarMonth CalendarMonth::Current() { return Of(CalendarDate::Today()); }

std::string CalendarMonth::Key() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year(), month());
  return buffer;
}

std::string CalendarMonth::Name() const {
  static const char* const kNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
  return std::string(kNames[month() - 1]) + " " + std::to_string(year());
}

CalendarDate CalendarMonth::FirstDay() const { return CalendarDate{year(), month(), 1}; }

std::string CalendarMonth::FirstDayIso() const { return FirstDay().ToIso(); }

int CalendarMonth::Days() const {
  const std::chrono::year_month_day_last last{month_.year(),
                                              std::chrono::month_day_last{month_.month()}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

CalendarMonth CalendarMonth::Plus(int count) const {
  return CalendarMonth(month_ + std::chrono::months{count});
}

int CalendarMonth::MonthsUntil(const CalendarMonth& later) const {
  return static_cast<int>((later.month_ - month_).count());
}

}  // namespace clusterpilot
