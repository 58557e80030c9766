// Which cluster model a command uses: --model FILE, else the properties
// setting classifier.model, else the built-in illustrative model. Shared by
// classify, override and model show so they always agree.
#ifndef CLUSTERPILOT_APP_MODEL_CHOICE_H_
#define CLUSTERPILOT_APP_MODEL_CHOICE_H_

#include <memory>
#include <string>

#include "app/command.h"
#include "classifier/cluster_model.h"
#include "core/error.h"

namespace clusterpilot {

struct ModelChoice {
  const ClusterModel* model = nullptr;  // points into `loaded` or at the built-in model
  std::unique_ptr<ClusterModel> loaded;
  std::string source;        // the file, or "built-in"
  std::string content_hash;  // SHA-256 of the model as clusterpilot writes it
  bool built_in = false;
};

Result<ModelChoice> ChooseClusterModel(const CommandContext& context);

// "clusterpilot illustrative model 1 (built-in; ILLUSTRATIVE, not the NZa model)".
std::string DescribeModelChoice(const ModelChoice& choice);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_MODEL_CHOICE_H_
