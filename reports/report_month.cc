#include "reports/report_month.h"

#include <cstdio>

namespace clusterpilot {

std::optional<ReportMonth> ReportMonth::Parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  ReportMonth parsed;
  parsed.year =
      (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  parsed.month = (text[5] - '0') * 10 + (text[6] - '0');
  if (parsed.year < 1900 || parsed.month < 1 || parsed.month > 12) return std::nullopt;
  return parsed;
}

std::string ReportMonth::Key() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

std::string ReportMonth::Name() const {
  static const char* const kNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
  return std::string(kNames[month - 1]) + " " + std::to_string(year);
}

std::string ReportMonth::FirstDayIso() const { return Key() + "-01"; }

ReportMonth ReportMonth::Plus(int count) const {
  const int index = year * 12 + (month - 1) + count;
  return ReportMonth{index / 12, index % 12 + 1};
}

}  // namespace clusterpilot
