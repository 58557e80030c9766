#include <ostream>

#include "app/command_handlers.h"
#include "app/model_choice.h"
#include "classification/store_classification.h"
#include "core/cluster_assignment.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

void PrintSummary(const ModelChoice& choice, const ClassifyTally& tally, std::ostream& out) {
  out << "model: " << DescribeModelChoice(choice) << "\n"
      << "classified: " << tally.classified << " measurements\n"
      << "skipped: " << tally.skipped << " (already classified by this model)\n";
  if (tally.without_cluster > 0) {
    out << "no cluster: " << tally.without_cluster
        << " (every cluster of the chosen supercluster excluded)\n";
  }
  out << "flags:";
  for (size_t i = 0; i < std::size(kAllFitFlags); ++i) {
    out << (i == 0 ? " " : ", ") << FitFlagName(kAllFitFlags[i]) << " " << tally.flags[i];
  }
  out << "\n";
}

}  // namespace

int RunClassifyCommand(CommandContext& context) {
  Result<ClassifierOptions> options = ReadClassifierOptions(context);
  if (!options.ok()) return context.Fail(options.error(), kExitUsage);
  Result<ModelChoice> choice = ChooseClusterModel(context);
  if (!choice.ok()) return context.Fail(choice.error(), kExitInputRejected);
  auto opened = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!opened.ok()) return context.Fail(opened.error(), kExitInputRejected);
  const StoreClassificationOptions run{choice.value().content_hash, options.value(),
                                       context.User()};
  Result<ClassifyTally> tally = ClassifyStore(*opened.value(), *choice.value().model, run);
  if (!tally.ok()) return context.Fail(tally.error(), kExitInputRejected);
  PrintSummary(choice.value(), tally.value(), *context.out);
  return kExitSuccess;
}

}  // namespace clusterpilot
