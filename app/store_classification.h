// Classifying what the store holds: every measurement a cluster model has
// not classified yet, in one transaction together with its audit entry.
// Shared by `clusterpilot classify` and `clusterpilot demo`.
#ifndef CLUSTERPILOT_APP_STORE_CLASSIFICATION_H_
#define CLUSTERPILOT_APP_STORE_CLASSIFICATION_H_

#include <array>
#include <cstdint>
#include <iterator>
#include <string>

#include "app/command.h"
#include "app/model_choice.h"
#include "classifier/measurement_classifier.h"
#include "core/cluster_assignment.h"
#include "core/error.h"

namespace clusterpilot {

class Store;

struct ClassifyTally {
  int64_t classified = 0;
  int64_t skipped = 0;
  int64_t without_cluster = 0;
  std::array<int64_t, std::size(kAllFitFlags)> flags{};

  void Count(const MeasurementClassification& result);
};

// classifier.max_unknown_items from the properties file, when set.
Result<ClassifierOptions> ReadClassifierOptions(const CommandContext& context);

// Registers the chosen model and classifies every measurement it has not
// seen, recording `user` in the audit log; all or nothing.
Result<ClassifyTally> ClassifyStore(Store& store, const ModelChoice& choice,
                                    const ClassifierOptions& options, const std::string& user);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_STORE_CLASSIFICATION_H_
