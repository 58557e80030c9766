#include <array>
#include <ostream>

#include "app/command_handlers.h"
#include "app/model_choice.h"
#include "classifier/measurement_classifier.h"
#include "core/cluster_assignment.h"
#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/store.h"
#include "store/unclassified_measurements.h"

namespace clusterpilot {
namespace {

struct ClassifyTally {
  int64_t classified = 0;
  int64_t skipped = 0;
  int64_t without_cluster = 0;
  std::array<int64_t, std::size(kAllFitFlags)> flags{};

  void Count(const MeasurementClassification& result) {
    ++classified;
    if (result.cluster() == 0) ++without_cluster;
    for (size_t i = 0; i < std::size(kAllFitFlags); ++i) {
      if ((result.flags() & kAllFitFlags[i]) != 0) ++flags[i];
    }
  }
};

// Classifies every measurement the model has not seen, writing each result
// as it goes; runs inside the caller's transaction.
Status ClassifyPending(Store& store, const MeasurementClassifier& classifier, int64_t model_id,
                       ClassifyTally* tally) {
  UnclassifiedMeasurements pending(store, model_id);
  ClassificationWriter writer(store, model_id, UtcTimestamp());
  Measurement measurement;
  MeasurementClassification result;
  std::vector<ClusterProbability> ranked;
  std::string probabilities, flag_reasons, explanation;
  while (pending.Next(&measurement)) {
    classifier.Classify(measurement, &result);
    classifier.RankedProbabilities(result, &ranked);
    probabilities = EncodeProbabilities(ranked);
    classifier.DescribeFlags(measurement, result, &flag_reasons);
    classifier.DescribeExplanation(result, &explanation);
    Status written = writer.Write({measurement.id, result.cluster(), result.probability(),
                                   probabilities, result.flags(), flag_reasons, explanation});
    if (!written.ok()) return written;
    tally->Count(result);
  }
  return pending.status();
}

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

// classifier.max_unknown_items from the properties file, when set.
Result<ClassifierOptions> ReadOptions(const CommandContext& context) {
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

}  // namespace

int RunClassifyCommand(CommandContext& context) {
  Result<ClassifierOptions> options = ReadOptions(context);
  if (!options.ok()) return context.Fail(options.error(), kExitUsage);
  Result<ModelChoice> choice = ChooseClusterModel(context);
  if (!choice.ok()) return context.Fail(choice.error(), kExitInputRejected);
  auto opened = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!opened.ok()) return context.Fail(opened.error(), kExitInputRejected);
  Store& store = *opened.value();
  const ClusterModel& model = *choice.value().model;
  const MeasurementClassifier classifier(model, options.value());
  ClassifyTally tally;
  Status status = store.InTransaction([&]() -> Status {
    Result<ClusterModelRecord> record =
        RegisterClusterModel(store, model.name(), model.version(), choice.value().content_hash);
    if (!record.ok()) return record.error();
    Result<int64_t> done = CountClassified(store, record.value().id);
    if (!done.ok()) return done.error();
    tally.skipped = done.value();
    Status classified = ClassifyPending(store, classifier, record.value().id, &tally);
    if (!classified.ok()) return classified;
    return RecordAudit(store, context.User(), "classify",
                       std::to_string(tally.classified) + " measurements with model " +
                           model.name() + " " + model.version());
  });
  if (!status.ok()) return context.Fail(status.error(), kExitInputRejected);
  PrintSummary(choice.value(), tally, *context.out);
  return kExitSuccess;
}

}  // namespace clusterpilot
