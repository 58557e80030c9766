// A clinician's review of a measurement from the web app, with an optimistic
// version check: the form carries the review version the clinician saw (the
// id of the latest override, 0 for none), and a save finding a newer review
// stores nothing and returns that review, so no review is overwritten unseen.
#ifndef CLUSTERPILOT_STORE_MEASUREMENT_REVIEW_H_
#define CLUSTERPILOT_STORE_MEASUREMENT_REVIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/item_ratings.h"
#include "store/override_table.h"

namespace clusterpilot {

class Store;

struct MeasurementReview {
  int64_t measurement_id = 0;
  int64_t seen_version = 0;  // ReviewVersion() when the form was shown
  int cluster = 0;           // the chosen cluster, or kNoFittingCluster
  std::string reason;        // required (the caller fills in one for a confirm)
  std::string by_user;
};

struct ReviewOutcome {
  bool conflict = false;     // another review came first; nothing was stored
  ClinicianOverride review;  // the stored review, or on conflict the other one
};

// The measurement's review version: the id of its latest override, 0 for none.
Result<int64_t> ReviewVersion(Store& store, int64_t measurement_id);

// Checks the version and stores the review with its audit entry in one
// transaction (BEGIN IMMEDIATE, so two processes cannot both pass the check).
// Errors as RecordOverride's: a missing measurement, an empty reason.
Result<ReviewOutcome> SaveReview(Store& store, const MeasurementReview& review);

// The 19 ratings of a measurement; nullopt when there is no such measurement.
Result<std::optional<ItemRatings>> ReadMeasurementRatings(Store& store, int64_t measurement_id);

// One point of a patient's history: a measurement and the cluster that
// counts for it (the latest override, else the current classification; 0
// when neither).
struct TimelinePoint {
  int64_t measurement_id = 0;
  std::string rating_date;
  std::string department;
  int cluster = 0;
};

// Every measurement of the patient in every department, oldest first.
Result<std::vector<TimelinePoint>> ReadPatientTimeline(Store& store, const std::string& patient_id);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_MEASUREMENT_REVIEW_H_
