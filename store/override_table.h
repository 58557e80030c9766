// Clinicians' overrides (table clinician_override): a clinician's cluster
// for a measurement, with a reason, who and when, kept beside the
// algorithm's result and never over it. The latest override of a
// measurement is the one that counts; earlier ones stay as history.
#ifndef CLUSTERPILOT_STORE_OVERRIDE_TABLE_H_
#define CLUSTERPILOT_STORE_OVERRIDE_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

class Store;

struct ClinicianOverride {
  int64_t id = 0;
  int64_t measurement_id = 0;
  int cluster = 0;
  std::string reason;
  std::string by_user;
  std::string at;  // UTC, ISO 8601
};

// What the override replaced, for the audit log and the confirmation.
struct OverrideOutcome {
  ClinicianOverride stored;
  int algorithm_cluster = 0;  // the current classification's cluster; 0 when none
};

// Stores the override (stamping its time) and its audit-log entry in one
// transaction. Refuses a measurement that does not exist and an empty
// reason; checking the cluster against the model is the caller's job.
Result<OverrideOutcome> RecordOverride(Store& store, int64_t measurement_id, int cluster,
                                       const std::string& reason, const std::string& by_user);

// Every override of the measurement, oldest first.
Result<std::vector<ClinicianOverride>> ReadOverrides(Store& store, int64_t measurement_id);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_OVERRIDE_TABLE_H_
