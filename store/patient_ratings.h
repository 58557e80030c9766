// Every rating of one patient across departments and time, each with its
// current classification and the clinician's latest review: what a
// trajectory (`clusterpilot patient`, the web app's timeline) is built from.
// Read-only; the caller records the read in the audit log before showing it.
#ifndef CLUSTERPILOT_STORE_PATIENT_RATINGS_H_
#define CLUSTERPILOT_STORE_PATIENT_RATINGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/item_ratings.h"
#include "core/supercluster.h"
#include "store/override_table.h"

namespace clusterpilot {

class Store;

struct PatientRating {
  int64_t measurement_id = 0;
  std::string department;
  std::string rating_date;  // ISO
  std::string clinician;
  Supercluster supercluster = Supercluster::kNone;
  ItemRatings ratings = UnknownRatings();
  bool classified = false;  // by the current model
  int algorithm_cluster = 0;
  uint32_t flags = 0;
  std::optional<ClinicianOverride> review;  // the latest one

  // The clinician's cluster when reviewed, else the algorithm's; 0 when
  // neither gives one (also when the clinician found no cluster fitting).
  int FinalCluster() const { return review ? review->cluster : algorithm_cluster; }
};

// The patient's ratings by date, then department and id; empty when the
// store does not know the patient. One index look-up (patient_id leads the
// measurement table's natural key), so it stays fast on large stores.
Result<std::vector<PatientRating>> ReadPatientRatings(Store& store, const std::string& patient_id);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_PATIENT_RATINGS_H_
