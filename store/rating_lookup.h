// Small questions about which measurements the store holds: its departments,
// the latest rating date, whether patients were rated in a period.
#ifndef CLUSTERPILOT_STORE_RATING_LOOKUP_H_
#define CLUSTERPILOT_STORE_RATING_LOOKUP_H_

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar_date.h"
#include "core/calendar_month.h"
#include "core/error.h"

namespace clusterpilot {

class Store;

// Every department that has a measurement in the store.
Result<std::set<std::string>> StoreDepartments(Store& store);

// Whether any measurement names `department`: one look-up in the table of
// departments (schema version 5), however many measurements the store holds.
Result<bool> HasDepartment(Store& store, const std::string& department);

// The months that hold at least one rating, in order. One index seek per
// month with data (measurement_by_date), so it stays quick on a big store.
Result<std::vector<CalendarMonth>> MonthsWithMeasurements(Store& store);

// The latest rating date in the store; nullopt when it holds none.
Result<std::optional<CalendarDate>> LatestRatingDate(Store& store);

// For each (patient, department) pair: whether the store has a rating of
// that patient in that department from `from` up to, not including, `until`.
Result<std::vector<bool>> RatedBetween(
    Store& store, const CalendarDate& from, const CalendarDate& until,
    const std::vector<std::pair<std::string, std::string>>& patient_departments);

// The SQL of the functions above, for the test that checks they read
// through indexes (store/report_queries.h).
std::vector<std::string> RatingLookupQueries();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_RATING_LOOKUP_H_
