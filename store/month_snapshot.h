// What the store says about one month: every measurement rated in the month
// with its current classification (store/classification_table.h defines
// "current") and the clinician's latest override, in one pass over the month.
// A patient counts once per department: the latest measurement of the month
// stands for the patient there.
#ifndef CLUSTERPILOT_STORE_MONTH_SNAPSHOT_H_
#define CLUSTERPILOT_STORE_MONTH_SNAPSHOT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar_date.h"
#include "core/cluster_assignment.h"
#include "core/error.h"
#include "core/item_ratings.h"
#include "store/classification_table.h"
#include "store/sql_dialect.h"

namespace clusterpilot {

class Store;

// One patient in one department in the month, as its latest measurement
// there describes the patient: the unit the report counts and prices.
struct PatientMonth {
  int64_t measurement_id = 0;
  std::string patient_id;
  int department = 0;       // index into MonthSnapshot::departments
  std::string rating_date;  // ISO, "2026-10-14"
  ItemRatings ratings = UnknownRatings();
  bool classified = false;                        // by the snapshot's (the current) model
  int algorithm_cluster = 0;                      // 0: the classifier found no fitting cluster
  uint32_t flags = 0;                             // FitFlag mask
  std::vector<ClusterProbability> probabilities;  // ranked, best first
  int clinician_cluster = 0;                      // the latest override; 0 when none
  bool clinician_no_cluster = false;              // the latest review says no cluster fits

  // The cluster the report uses: the clinician's where there is one, else
  // the classifier's; 0 when neither gives one or the clinician found none
  // fitting.
  int ReportedCluster() const {
    if (clinician_no_cluster) return 0;
    if (clinician_cluster != 0) return clinician_cluster;
    return classified ? algorithm_cluster : 0;
  }
  bool ReviewedByClinician() const { return clinician_cluster != 0 || clinician_no_cluster; }
};

// Counts over every measurement of the month in a department, not only the
// latest per patient: how much rating and reviewing happened.
struct DepartmentActivity {
  int64_t measurements = 0;
  int64_t not_classified = 0;  // no current classification
  int64_t reviewed = 0;        // classified and with a clinician override
  int64_t changed = 0;         // ... naming another cluster than the algorithm's
};

struct MonthSnapshot {
  CalendarDate first_day;                    // of the month
  ClusterModelRecord model;                  // the current model; id 0 when none
  std::vector<std::string> departments;      // sorted; those with a measurement in the month
  std::vector<DepartmentActivity> activity;  // parallel to departments
  std::vector<PatientMonth> patients;        // by department, then patient id
};

// How much of each measurement a snapshot reads. The report's trends
// (issue 14) read eleven months besides the report's own and need only
// clusters, flags and reviews: leaving the 19 ratings and the probabilities
// unread makes each of those months several times cheaper.
enum class SnapshotDetail { kFull, kClustersOnly };

// Reads the measurements rated from `first_day` up to, not including,
// `next_first_day` (the first day of the next month). Measurements the
// current model has not classified are kept, with classified = false.
// With kClustersOnly the item ratings stay unknown and the probabilities
// empty.
Result<MonthSnapshot> ReadMonthSnapshot(Store& store, const CalendarDate& first_day,
                                        const CalendarDate& next_first_day,
                                        SnapshotDetail detail = SnapshotDetail::kFull);

// The SQL ReadMonthSnapshot runs on `dialect` (both details), for the test
// that checks every report query reads the month through an index
// (store/report_queries.h).
std::vector<std::string> MonthSnapshotQueries(SqlDialect dialect);

// Each (patient, department) pair with a measurement rated from `first_day`
// up to, not including, `next_first_day`, sorted: the pairs of
// ReadMonthSnapshot's patients, without reading their rows.
Result<std::vector<std::pair<std::string, std::string>>> ReadMonthPatients(
    Store& store, const CalendarDate& first_day, const CalendarDate& next_first_day);

// For each (patient, department) pair: the latest measurement of that
// patient in that department rated from `from` up to, not including,
// `until`, with its current classification and latest override; pairs
// without one are left out. Item ratings are not read (left unknown): the
// caller needs the cluster, not the profile. One look-up per pair through
// the (patient, department, rating date) key, so the cost follows the pairs
// asked for, not the length of the window.
Result<MonthSnapshot> ReadLatestRatings(
    Store& store, const CalendarDate& from, const CalendarDate& until,
    const std::vector<std::pair<std::string, std::string>>& patient_departments);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_MONTH_SNAPSHOT_H_
