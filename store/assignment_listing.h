// The clinicians' work list: every stored measurement (optionally of one
// month and department) with its current classification and latest override.
// Read-only; the caller records the read in the audit log.
#ifndef CLUSTERPILOT_STORE_ASSIGNMENT_LISTING_H_
#define CLUSTERPILOT_STORE_ASSIGNMENT_LISTING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"
#include "core/supercluster.h"
#include "store/override_table.h"
#include "store/sql_dialect.h"

namespace clusterpilot {

class Store;

struct AssignmentFilter {
  std::optional<CalendarMonth> month;  // none for every month
  std::string department;              // exact name; empty for every department
};

struct AssignmentRow {
  int64_t measurement_id = 0;
  std::string patient_id;
  std::string department;
  std::string rating_date;  // ISO
  std::string clinician;
  Supercluster supercluster = Supercluster::kNone;

  bool classified = false;  // false: the current model has not classified it
  std::string model_name;
  std::string model_version;
  int cluster = 0;  // 0 when no cluster was assigned
  double probability = 0;
  std::string probabilities;  // core/cluster_assignment.h encoding
  uint32_t flags = 0;
  std::string flag_reasons;  // '\n'-separated sentences
  std::string explanation;   // core/assignment_explanation.h code
  std::string classified_at;

  std::optional<ClinicianOverride> clinician_override;  // the latest one

  // The cluster reports count: the clinician's when overridden, else the
  // algorithm's (0 when neither, and when the clinician found no cluster
  // fitting).
  int FinalCluster() const { return clinician_override ? clinician_override->cluster : cluster; }
};

// Rows ordered by department, rating date, patient and id, each with its
// current classification (store/classification_table.h says which that is):
// a measurement the current model has not classified reads as not classified.
Result<std::vector<AssignmentRow>> ReadAssignments(Store& store, const AssignmentFilter& filter);

// The SELECT ReadAssignments runs for the shape of `filter` (a month, a
// department, both, or neither), for the test that asks SQLite how it plans
// each: a month or a department is found through an index, never by reading
// every measurement.
std::string AssignmentQuery(const AssignmentFilter& filter, SqlDialect dialect);

// The one measurement `measurement_id` as ReadAssignments would list it;
// nullopt when there is no such measurement.
Result<std::optional<AssignmentRow>> ReadAssignment(Store& store, int64_t measurement_id);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_ASSIGNMENT_LISTING_H_
