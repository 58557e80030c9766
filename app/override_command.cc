#include <charconv>
#include <ostream>

#include "app/command_handlers.h"
#include "app/model_choice.h"
#include "classifier/cluster_model.h"
#include "core/care_cluster.h"
#include "store/override_table.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

bool ParseWhole(const std::string& text, int64_t* value) {
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return status == std::errc() && end == text.data() + text.size() && !text.empty();
}

// The usage checks: every option is required, and numbers must be numbers.
std::string CheckOptions(const CommandContext& context, int64_t* measurement, int64_t* cluster) {
  for (const char* option : {"measurement", "cluster", "reason", "by"}) {
    if (context.Get(option).find_first_not_of(" \t") == std::string::npos) {
      return std::string("--") + option + " is required (`clusterpilot override --help`)";
    }
  }
  if (!ParseWhole(context.Get("measurement"), measurement) || *measurement <= 0) {
    return "--measurement \"" + context.Get("measurement") +
           "\": not a measurement id (the number in the first column of `assignments`)";
  }
  if (!ParseWhole(context.Get("cluster"), cluster)) {
    return "--cluster \"" + context.Get("cluster") + "\": not a cluster number";
  }
  return "";
}

}  // namespace

int RunOverrideCommand(CommandContext& context) {
  int64_t measurement = 0;
  int64_t cluster = 0;
  const std::string usage = CheckOptions(context, &measurement, &cluster);
  if (!usage.empty()) return context.Fail(usage, kExitUsage);
  if (cluster < 1 || cluster > kHighestCareCluster || !IsCareCluster(static_cast<int>(cluster))) {
    return context.Fail("cluster " + std::to_string(cluster) +
                            " does not exist (care clusters are 1-21; 9 is unused)",
                        kExitInputRejected);
  }
  Result<ModelChoice> choice = ChooseClusterModel(context);
  if (!choice.ok()) return context.Fail(choice.error(), kExitInputRejected);
  const ClusterModel& model = *choice.value().model;
  if (model.IndexOf(static_cast<int>(cluster)) < 0) {
    return context.Fail("cluster " + std::to_string(cluster) + " is not in the model \"" +
                            model.name() + "\" version " + model.version() +
                            " (its clusters: " + model.ClusterNumbersText() + ")",
                        kExitInputRejected);
  }
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Result<OverrideOutcome> outcome =
      RecordOverride(*store.value(), measurement, static_cast<int>(cluster), context.Get("reason"),
                     context.Get("by"));
  if (!outcome.ok()) return context.Fail(outcome.error(), kExitInputRejected);
  const int algorithm = outcome.value().algorithm_cluster;
  *context.out << "measurement " << measurement << ": "
               << (algorithm == cluster ? "confirmed" : "overridden to") << " cluster " << cluster
               << " by " << context.Get("by")
               << " (algorithm: " << (algorithm > 0 ? std::to_string(algorithm) : "none") << ")\n";
  return kExitSuccess;
}

}  // namespace clusterpilot
