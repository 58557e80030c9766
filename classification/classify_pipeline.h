// Classifying on two threads: the calling thread reads the measurements the
// model has not classified and writes their results, both on the store's
// one connection, while a classifying thread turns batches of measurements
// into batches of results; the batches travel through core's BoundedQueue and
// are reused. Reading and writing take about as long as classifying, so the
// two threads are busy alike; measured on a million measurements (SQLite), a
// reader thread with its own connection had been the long pole (2.0 of 3.2
// s), and one connection lets a first classify leave the write-ahead log
// (Store::LeaveWalForBulkWrite), which a second connection's open read
// would block.
#ifndef CLUSTERPILOT_CLASSIFICATION_CLASSIFY_PIPELINE_H_
#define CLUSTERPILOT_CLASSIFICATION_CLASSIFY_PIPELINE_H_

#include <array>
#include <cstdint>
#include <iterator>

#include "classifier/measurement_classifier.h"
#include "core/cluster_assignment.h"
#include "core/error.h"

namespace clusterpilot {

class Store;

struct ClassifyTally {
  int64_t classified = 0;
  int64_t skipped = 0;          // already classified by this model before
  int64_t without_cluster = 0;  // every cluster of the chosen supercluster excluded
  std::array<int64_t, std::size(kAllFitFlags)> flags{};

  void Count(const MeasurementClassification& result);
};

// Classifies every measurement of the store that the model `model_id` has not
// classified and writes the results through `store`, whose transaction the
// caller holds (so a failure leaves nothing behind, and the rows read are the
// ones the caller's write lock keeps current). tally->skipped must hold what
// the model classified before (0 spares the read a check per row).
[[nodiscard]] Status ClassifyPending(Store& store, const MeasurementClassifier& classifier,
                                     int64_t model_id, ClassifyTally* tally);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFICATION_CLASSIFY_PIPELINE_H_
