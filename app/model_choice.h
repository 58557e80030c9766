// The classifier.* settings of a command: which cluster model it uses
// (--model FILE, else the properties setting classifier.model, else the
// built-in illustrative model) and classifier.max_unknown_items. Shared by
// classify, demo, override and model show so they always agree.
#ifndef CLUSTERPILOT_APP_MODEL_CHOICE_H_
#define CLUSTERPILOT_APP_MODEL_CHOICE_H_

#include <memory>
#include <string>

#include "app/command.h"
#include "classifier/cluster_model.h"
#include "classifier/measurement_classifier.h"
#include "core/error.h"

namespace clusterpilot {

struct ModelChoice {
  const ClusterModel* model = nullptr;  // points into `loaded` or at the built-in model
  std::unique_ptr<ClusterModel> loaded;
  std::string source;        // the file, or "built-in"
  std::string content_hash;  // classifier/io/model_content_hash.h
  bool built_in = false;
};

Result<ModelChoice> ChooseClusterModel(const CommandContext& context);

// classifier.max_unknown_items from the properties file, when set.
Result<ClassifierOptions> ReadClassifierOptions(const CommandContext& context);

// "clusterpilot illustrative model 1 (built-in; ILLUSTRATIVE, not the NZa model)".
std::string DescribeModelChoice(const ModelChoice& choice);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_MODEL_CHOICE_H_
