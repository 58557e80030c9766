#include "reports/month_snapshot.h"

namespace clusterpilot {
namespace {

CalendarDate FirstDay(const ReportMonth& month) { return CalendarDate{month.year, month.month, 1}; }

}  // namespace

Result<MonthSnapshot> LoadMonthSnapshot(Store& store, const ReportMonth& month) {
  return ReadMonthSnapshot(store, FirstDay(month), FirstDay(month.Plus(1)));
}

ReportMonth SnapshotMonth(const MonthSnapshot& snapshot) {
  return ReportMonth{snapshot.first_day.year, snapshot.first_day.month};
}

Result<std::optional<ReportMonth>> LatestRatedMonth(Store& store) {
  Result<std::optional<CalendarDate>> latest = LatestRatingDate(store);
  if (!latest.ok()) return latest.error();
  std::optional<ReportMonth> month;
  if (latest.value()) month = ReportMonth{latest.value()->year, latest.value()->month};
  return month;
}

Result<std::vector<bool>> RatedInLastYear(
    Store& store, const ReportMonth& month,
    const std::vector<std::pair<std::string, std::string>>& patient_departments) {
  return RatedBetween(store, FirstDay(month.Plus(-11)), FirstDay(month.Plus(1)),
                      patient_departments);
}

}  // namespace clusterpilot
