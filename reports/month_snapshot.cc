#include "reports/month_snapshot.h"

namespace clusterpilot {
namespace {

CalendarDate FirstDay(const CalendarMonth& month) { return month.FirstDay(); }

}  // namespace

Result<MonthSnapshot> LoadMonthSnapshot(Store& store, const CalendarMonth& month) {
  return ReadMonthSnapshot(store, FirstDay(month), FirstDay(month.Plus(1)));
}

Result<MonthSnapshot> LoadMonthClusters(Store& store, const CalendarMonth& month) {
  return ReadMonthSnapshot(store, FirstDay(month), FirstDay(month.Plus(1)),
                           SnapshotDetail::kClustersOnly);
}

Result<std::vector<std::pair<std::string, std::string>>> LoadMonthPatients(
    Store& store, const CalendarMonth& month) {
  return ReadMonthPatients(store, FirstDay(month), FirstDay(month.Plus(1)));
}

Result<MonthSnapshot> LoadEarlierRatings(
    Store& store, const CalendarMonth& month, int months,
    const std::vector<std::pair<std::string, std::string>>& patient_departments) {
  return ReadLatestRatings(store, FirstDay(month.Plus(-months)), FirstDay(month),
                           patient_departments);
}

CalendarMonth SnapshotMonth(const MonthSnapshot& snapshot) {
  return CalendarMonth::Of(snapshot.first_day);
}

Result<std::optional<CalendarMonth>> LatestRatedMonth(Store& store) {
  Result<std::optional<CalendarDate>> latest = LatestRatingDate(store);
  if (!latest.ok()) return latest.error();
  std::optional<CalendarMonth> month;
  if (latest.value()) month = CalendarMonth::Of(*latest.value());
  return month;
}

Result<std::vector<bool>> RatedInLastYear(
    Store& store, const CalendarMonth& month,
    const std::vector<std::pair<std::string, std::string>>& patient_departments) {
  return RatedBetween(store, FirstDay(month.Plus(-11)), FirstDay(month.Plus(1)),
                      patient_departments);
}

}  // namespace clusterpilot
