// Classifying on two threads: a reader thread streams the measurements the
// model has not classified through the classifier on a connection of its own,
// while the calling thread writes the results in batches; the batches travel
// through core's BoundedQueue and come back empty for reuse. Measured on a million measurements,
// the overlap is what keeps classify within a small factor of SQLite merely copying the table.
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
// caller holds (so a failure leaves nothing behind). The reader opens its own
// connection to store.path(); with WAL it reads the state at its start,
// which the caller's write lock keeps current. tally->skipped must hold what
// the model classified before (0 spares the reader a check per row).
[[nodiscard]] Status ClassifyPending(Store& store, const MeasurementClassifier& classifier,
                                     int64_t model_id, ClassifyTally* tally);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFICATION_CLASSIFY_PIPELINE_H_
