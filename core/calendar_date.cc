#include "core/calendar_date.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace clusterpilot {
namespace {

std::chrono::year_month_day AsChrono(const CalendarDate& date) {
  return std::chrono::year_month_day{std::chrono::year{date.year},
                                     std::chrono::month{static_cast<unsigned>(date.month)},
                                     std::chrono::day{static_cast<unsigned>(date.day)}};
}

// Reads up to max_digits decimal digits at text[*pos]; false when there is
// not at least min_digits.
bool ReadNumber(const std::string& text, size_t* pos, int min_digits, int max_digits, int* out) {
  int digits = 0;
  int value = 0;
  while (*pos < text.size() && digits < max_digits && text[*pos] >= '0' && text[*pos] <= '9') {
    value = value * 10 + (text[*pos] - '0');
    ++*pos;
    ++digits;
  }
  *out = value;
  return digits >= min_digits;
}

bool ReadSeparator(const std::string& text, size_t* pos, char separator) {
  if (*pos >= text.size() || text[*pos] != separator) return false;
  ++*pos;
  return true;
}

std::optional<CalendarDate> ParseYearFirst(const std::string& text) {
  CalendarDate date;
  size_t pos = 0;
  if (!ReadNumber(text, &pos, 4, 4, &date.year) || !ReadSeparator(text, &pos, '-') ||
      !ReadNumber(text, &pos, 2, 2, &date.month) || !ReadSeparator(text, &pos, '-') ||
      !ReadNumber(text, &pos, 2, 2, &date.day) || pos != text.size()) {
    return std::nullopt;
  }
  return date;
}

std::optional<CalendarDate> ParseDayFirst(const std::string& text, char separator) {
  CalendarDate date;
  size_t pos = 0;
  if (!ReadNumber(text, &pos, 1, 2, &date.day) || !ReadSeparator(text, &pos, separator) ||
      !ReadNumber(text, &pos, 1, 2, &date.month) || !ReadSeparator(text, &pos, separator) ||
      !ReadNumber(text, &pos, 4, 4, &date.year) || pos != text.size()) {
    return std::nullopt;
  }
  return date;
}

}  // namespace

bool CalendarDate::IsValid() const {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         AsChrono(*this).ok();
}

std::string CalendarDate::ToIso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string CalendarDate::MonthKey() const { return ToIso().substr(0, 7); }

int CalendarDate::DaysSinceEpoch() const {
  return static_cast<int>(std::chrono::sys_days(AsChrono(*this)).time_since_epoch().count());
}

CalendarDate CalendarDate::PlusDays(int days) const {
  const std::chrono::year_month_day later{std::chrono::sys_days(AsChrono(*this)) +
                                          std::chrono::days(days)};
  return CalendarDate{static_cast<int>(later.year()), static_cast<int>(unsigned(later.month())),
                      static_cast<int>(unsigned(later.day()))};
}

CalendarDate CalendarDate::PlusMonths(int months) const {
  const std::chrono::year_month month =
      std::chrono::year_month{std::chrono::year{year}, std::chrono::month{unsigned(this->month)}} +
      std::chrono::months(months);
  const unsigned last = unsigned(std::chrono::year_month_day_last{
      month.year(),
      std::chrono::month_day_last{
          month.month()}}.day());
  return CalendarDate{static_cast<int>(month.year()), static_cast<int>(unsigned(month.month())),
                      static_cast<int>(std::min(unsigned(day), last))};
}

CalendarDate CalendarDate::Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return CalendarDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::optional<CalendarDate> CalendarDate::Parse(const std::string& text) {
  std::optional<CalendarDate> date = ParseYearFirst(text);
  if (!date) date = ParseDayFirst(text, '-');
  if (!date) date = ParseDayFirst(text, '/');
  if (!date || !date->IsValid()) return std::nullopt;
  return date;
}

}  // namespace clusterpilot
