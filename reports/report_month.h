// The calendar month a pilot report covers, written "2026-10".
#ifndef CLUSTERPILOT_REPORTS_REPORT_MONTH_H_
#define CLUSTERPILOT_REPORTS_REPORT_MONTH_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace clusterpilot {

struct ReportMonth {
  int year = 0;
  int month = 0;  // 1..12

  auto operator<=>(const ReportMonth&) const = default;

  // Accepts exactly "YYYY-MM" with a month 01..12; nullopt otherwise.
  static std::optional<ReportMonth> Parse(std::string_view text);

  // "2026-10".
  std::string Key() const;
  // "October 2026".
  std::string Name() const;
  // "2026-10-01": the first day, for comparing with ISO rating dates.
  std::string FirstDayIso() const;

  // The month `count` months later (negative: earlier).
  ReportMonth Plus(int count) const;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REPORT_MONTH_H_
