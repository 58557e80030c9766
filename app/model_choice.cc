#include "app/model_choice.h"

#include "classifier/default_model.h"
#include "classifier/io/cluster_model_reader.h"
#include "classifier/io/model_content_hash.h"
#include "core/item_ratings.h"

namespace clusterpilot {

Result<ModelChoice> ChooseClusterModel(const CommandContext& context) {
  ModelChoice choice;
  const std::string path = context.Get("model", context.settings.GetString("classifier.model", ""));
  if (path.empty()) {
    choice.model = &DefaultClusterModel();
    choice.source = "built-in";
    choice.built_in = true;
  } else {
    Result<ClusterModel> read = ReadClusterModelFile(path);
    if (!read.ok()) return read.error();
    choice.loaded = std::make_unique<ClusterModel>(std::move(read).value());
    choice.model = choice.loaded.get();
    choice.source = path;
  }
  choice.content_hash = ModelContentHash(*choice.model);
  return choice;
}

Result<ClassifierOptions> ReadClassifierOptions(const CommandContext& context) {
  ClassifierOptions options;
  const std::string key = "classifier.max_unknown_items";
  if (context.settings.GetString(key, "").empty()) return options;
  std::string error;
  const int value = context.settings.GetInt(key, 0, &error);
  if (error.empty() && (value < 0 || value > kItemCount)) {
    error = "setting " + key + " = \"" + context.settings.GetString(key, "") + "\" must be 0-19";
  }
  if (!error.empty()) return MakeError(error);
  options.max_unknown_items = value;
  return options;
}

std::string DescribeModelChoice(const ModelChoice& choice) {
  std::string text = "\"" + choice.model->name() + "\" version " + choice.model->version();
  return text + (choice.built_in ? " (built-in; ILLUSTRATIVE, not the official NZa model)"
                                 : " (" + choice.source + ")");
}

}  // namespace clusterpilot
