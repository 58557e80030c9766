#include "store/rating_lookup.h"

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr const char* kDepartments = "SELECT name FROM measurement_department";
constexpr const char* kHasDepartment = "SELECT 1 FROM measurement_department WHERE name = ?1";
// max() of the first column of an index is one step down the index.
constexpr const char* kLatestRatingDate = "SELECT max(rating_date) FROM measurement";
constexpr const char* kRatedBetween =
    "SELECT 1 FROM measurement WHERE patient_id = ?1 AND department = ?2 "
    "AND rating_date >= ?3 AND rating_date < ?4 LIMIT 1";

}  // namespace

std::vector<std::string> RatingLookupQueries() {
  return {kDepartments, kHasDepartment, kLatestRatingDate, kRatedBetween};
}

Result<std::set<std::string>> StoreDepartments(Store& store) {
  SqlStatement select(store, kDepartments);
  std::set<std::string> departments;
  while (select.Step()) departments.emplace(select.Text(0));
  if (!select.status().ok()) return select.status().error();
  return departments;
}

Result<bool> HasDepartment(Store& store, const std::string& department) {
  SqlStatement select(store, kHasDepartment);
  select.BindText(1, department);
  const bool found = select.Step();
  if (!select.status().ok()) return select.status().error();
  return found;
}

Result<std::vector<CalendarMonth>> MonthsWithMeasurements(Store& store) {
  SqlStatement select(store, "SELECT min(rating_date) FROM measurement WHERE rating_date >= ?1");
  std::vector<CalendarMonth> months;
  std::string from = "0000-01-01";
  // Hop from each month with data to the first rating after it.
  for (;;) {
    select.BindText(1, from);
    if (!select.Step() || select.IsNull(0)) break;
    const std::optional<CalendarDate> date = CalendarDate::Parse(std::string(select.Text(0)));
    if (!date) break;
    months.push_back(CalendarMonth::Of(*date));
    from = months.back().Plus(1).FirstDayIso();
    select.Reset();
  }
  if (!select.status().ok()) return select.status().error();
  return months;
}

Result<std::optional<CalendarDate>> LatestRatingDate(Store& store) {
  SqlStatement select(store, kLatestRatingDate);
  std::optional<CalendarDate> date;
  if (select.Step() && !select.IsNull(0)) date = CalendarDate::Parse(std::string(select.Text(0)));
  if (!select.status().ok()) return select.status().error();
  return date;
}

Result<std::vector<bool>> RatedBetween(
    Store& store, const CalendarDate& from, const CalendarDate& until,
    const std::vector<std::pair<std::string, std::string>>& patient_departments) {
  const std::string from_iso = from.ToIso();
  const std::string until_iso = until.ToIso();
  std::vector<bool> rated;
  rated.reserve(patient_departments.size());
  // One read transaction for all pairs: a lock per statement costs more
  // than the look-up.
  Status read = store.InSnapshot([&]() -> Status {
    SqlStatement select(store, kRatedBetween);
    for (const auto& [patient, department] : patient_departments) {
      select.BindText(1, patient);
      select.BindText(2, department);
      select.BindText(3, from_iso);
      select.BindText(4, until_iso);
      rated.push_back(select.Step());
      select.Reset();
    }
    return select.status();
  });
  if (!read.ok()) return read.error();
  return rated;
}

}  // namespace clusterpilot
