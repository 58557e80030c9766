#include "app/model_choice.h"

#include "classifier/cluster_model_reader.h"
#include "classifier/cluster_model_writer.h"
#include "classifier/default_model.h"
#include "core/sha256.h"

namespace clusterpilot {
namespace {

// Hashing the canonical text, not the file's bytes, keeps the hash the same
// when someone only re-indents the file.
std::string ContentHash(const ClusterModel& model) { return Sha256Hex(WriteClusterModel(model)); }

}  // namespace

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
  choice.content_hash = ContentHash(*choice.model);
  return choice;
}

std::string DescribeModelChoice(const ModelChoice& choice) {
  std::string text = "\"" + choice.model->name() + "\" version " + choice.model->version();
  return text + (choice.built_in ? " (built-in; ILLUSTRATIVE, not the official NZa model)"
                                 : " (" + choice.source + ")");
}

}  // namespace clusterpilot
