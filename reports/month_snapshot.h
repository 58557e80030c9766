// What the store says about one month: every measurement rated in the month
// with its classification by the latest cluster model (one pass over the
// month) and the clinician's latest override (from one scan of the few
// overrides). A patient counts once per department: the
// latest measurement of the month stands for the patient there.
#ifndef CLUSTERPILOT_REPORTS_MONTH_SNAPSHOT_H_
#define CLUSTERPILOT_REPORTS_MONTH_SNAPSHOT_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/calendar_month.h"
#include "core/cluster_assignment.h"
#include "core/error.h"
#include "core/item_ratings.h"

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
  bool classified = false;                        // by the snapshot's model
  int algorithm_cluster = 0;                      // 0: the classifier found no fitting cluster
  uint32_t flags = 0;                             // FitFlag mask
  std::vector<ClusterProbability> probabilities;  // ranked, best first
  int clinician_cluster = 0;                      // the latest override; 0 when none

  // The cluster the report uses: the clinician's where there is one, else
  // the classifier's; 0 when neither gives one.
  int ReportedCluster() const {
    if (clinician_cluster != 0) return clinician_cluster;
    return classified ? algorithm_cluster : 0;
  }
  bool ReviewedByClinician() const { return clinician_cluster != 0; }
};

// Counts over every measurement of the month in a department, not only the
// latest per patient: how much rating and reviewing happened.
struct DepartmentActivity {
  int64_t measurements = 0;
  int64_t not_classified = 0;  // no classification by the snapshot's model
  int64_t reviewed = 0;        // classified and with a clinician override
  int64_t changed = 0;         // ... naming another cluster than the algorithm's
};

struct ClusterModelInfo {
  int64_t id = 0;  // 0: no model has classified anything yet
  std::string name;
  std::string version;
};

struct MonthSnapshot {
  CalendarMonth month;
  ClusterModelInfo model;
  std::vector<std::string> departments;      // sorted; those with a measurement in the month
  std::vector<DepartmentActivity> activity;  // parallel to departments
  std::vector<PatientMonth> patients;        // by department, then patient id
};

// The latest cluster model (highest id); id 0 when there is none.
Result<ClusterModelInfo> LatestClusterModel(Store& store);

// Reads the month with `model` (pass LatestClusterModel's). Measurements the
// model has not classified are kept, with classified = false.
Result<MonthSnapshot> LoadMonthSnapshot(Store& store, const CalendarMonth& month,
                                        const ClusterModelInfo& model);

// Every department that has a measurement in the store.
Result<std::set<std::string>> StoreDepartments(Store& store);

// Whether any measurement names `department`. Quick for a department that
// exists; a full scan for one that does not.
Result<bool> HasDepartment(Store& store, const std::string& department);

// The month of the latest rating date in the store; nullopt when empty.
Result<std::optional<CalendarMonth>> LatestRatedMonth(Store& store);

// For each (patient, department) pair: whether the store has a rating of
// that patient in that department in the 12 months ending with `month`.
Result<std::vector<bool>> RatedInLastYear(
    Store& store, const CalendarMonth& month,
    const std::vector<std::pair<std::string, std::string>>& patient_departments);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTH_SNAPSHOT_H_
