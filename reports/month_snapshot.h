// The report's view of the store, by CalendarMonth: the month snapshot and the
// look-ups around it. The queries and the snapshot's types live in store/
// (store/month_snapshot.h, store/rating_lookup.h); this only turns report
// months into the date ranges the store asks for.
#ifndef CLUSTERPILOT_REPORTS_MONTH_SNAPSHOT_H_
#define CLUSTERPILOT_REPORTS_MONTH_SNAPSHOT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"
#include "store/month_snapshot.h"
#include "store/rating_lookup.h"

namespace clusterpilot {

class Store;

// The month's snapshot with the store's current classifications.
Result<MonthSnapshot> LoadMonthSnapshot(Store& store, const CalendarMonth& month);

// The month's snapshot without item ratings or probabilities: clusters,
// flags and reviews only, for the report's trends over earlier months.
Result<MonthSnapshot> LoadMonthClusters(Store& store, const CalendarMonth& month);

// The (patient, department) pairs rated in `month`, sorted, from the index
// alone: who the look-back window is read for, known before the month's
// rows are read.
Result<std::vector<std::pair<std::string, std::string>>> LoadMonthPatients(
    Store& store, const CalendarMonth& month);

// The latest rating of each of `patient_departments` (patient, department)
// in the `months` months before `month` (not in it): the look-back window of
// valid clusters and of re-ratings. Pairs rated only earlier are left out.
Result<MonthSnapshot> LoadEarlierRatings(
    Store& store, const CalendarMonth& month, int months,
    const std::vector<std::pair<std::string, std::string>>& patient_departments);

// The report month a snapshot covers (for LoadEarlierRatings: the window's first).
CalendarMonth SnapshotMonth(const MonthSnapshot& snapshot);

// The month of the latest rating date in the store; nullopt when empty.
Result<std::optional<CalendarMonth>> LatestRatedMonth(Store& store);

// For each (patient, department) pair: whether the store has a rating of
// that patient in that department in the 12 months ending with `month`.
Result<std::vector<bool>> RatedInLastYear(
    Store& store, const CalendarMonth& month,
    const std::vector<std::pair<std::string, std::string>>& patient_departments);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTH_SNAPSHOT_H_
