// Classifying what the store holds: every measurement a cluster model has
// not classified yet, in one transaction together with its audit entry.
// Shared by `clusterpilot classify` and `clusterpilot demo`.
#ifndef CLUSTERPILOT_APP_STORE_CLASSIFICATION_H_
#define CLUSTERPILOT_APP_STORE_CLASSIFICATION_H_

#include <string>

#include "app/classify_pipeline.h"
#include "app/command.h"
#include "app/model_choice.h"
#include "classifier/measurement_classifier.h"
#include "core/error.h"

namespace clusterpilot {

class Store;

// classifier.max_unknown_items from the properties file, when set.
Result<ClassifierOptions> ReadClassifierOptions(const CommandContext& context);

// Registers the chosen model and classifies every measurement it has not
// seen, recording `user` in the audit log; all or nothing.
Result<ClassifyTally> ClassifyStore(Store& store, const ModelChoice& choice,
                                    const ClassifierOptions& options, const std::string& user);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_STORE_CLASSIFICATION_H_
