// Streams the stored measurements a model has not classified yet, in id
// order, with only what classifying needs (id, supercluster, ratings, HV08
// type, route), so a million rows pass without a million allocations.
// Only measurements stored after the model's last finished classify run
// (RecordClassifiedThrough) are read, so a run costs what was stored since,
// not the history.
#ifndef CLUSTERPILOT_STORE_UNCLASSIFIED_MEASUREMENTS_H_
#define CLUSTERPILOT_STORE_UNCLASSIFIED_MEASUREMENTS_H_

#include <cstdint>
#include <memory>

#include "core/error.h"
#include "core/measurement.h"

namespace clusterpilot {

class SqlStatement;
class Store;

class UnclassifiedMeasurements {
 public:
  // `model_has_results` false says the model has classified nothing in this
  // store yet (the caller counted, under its write lock): every measurement is
  // then read without the per-row check, a sixth of a first run's reading.
  UnclassifiedMeasurements(Store& store, int64_t model_id, bool model_has_results = true);
  ~UnclassifiedMeasurements();
  UnclassifiedMeasurements(const UnclassifiedMeasurements&) = delete;
  UnclassifiedMeasurements& operator=(const UnclassifiedMeasurements&) = delete;

  // Fills the classifying fields of *measurement with the next row (other
  // fields are left as they are). False at the end or on error; status()
  // tells which. Rows classified meanwhile by the same connection are not
  // seen again.
  bool Next(Measurement* measurement);
  const Status& status() const;

 private:
  std::unique_ptr<SqlStatement> select_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_UNCLASSIFIED_MEASUREMENTS_H_
