// What the web app's measurement page reads beside the assignment: the 19
// ratings and the patient's timeline. Reviews themselves are stored through
// store/override_table.h's RecordReview, the one path for web and CLI.
#ifndef CLUSTERPILOT_STORE_MEASUREMENT_REVIEW_H_
#define CLUSTERPILOT_STORE_MEASUREMENT_REVIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/item_ratings.h"

namespace clusterpilot {

class Store;

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
