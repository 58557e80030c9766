// Classifying what the store holds: every measurement a cluster model has
// not classified yet, in one transaction together with its audit entry.
// Shared by `clusterpilot classify` and `clusterpilot demo`.
#ifndef CLUSTERPILOT_CLASSIFICATION_STORE_CLASSIFICATION_H_
#define CLUSTERPILOT_CLASSIFICATION_STORE_CLASSIFICATION_H_

#include <string>

#include "classification/classify_pipeline.h"
#include "classifier/measurement_classifier.h"
#include "core/error.h"

namespace clusterpilot {

class ClusterModel;
class Store;

struct StoreClassificationOptions {
  std::string model_content_hash;  // identifies the model in the store (classifier/io)
  ClassifierOptions classifier;
  std::string user;  // recorded in the audit log
};

// Registers `model` and classifies every measurement of `store` it has not
// classified yet: all or nothing. A model registered before under the same
// name and version with another content hash is refused. Uses a second
// connection to store.path() for reading (see ClassifyPending), so the store
// must be a file; `store` is used from the calling thread only.
[[nodiscard]] Result<ClassifyTally> ClassifyStore(Store& store, const ClusterModel& model,
                                                  const StoreClassificationOptions& options);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFICATION_STORE_CLASSIFICATION_H_
