#include "app/store_classification.h"

#include <vector>

#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/store.h"
#include "store/unclassified_measurements.h"

namespace clusterpilot {
namespace {

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

}  // namespace

void ClassifyTally::Count(const MeasurementClassification& result) {
  ++classified;
  if (result.cluster() == 0) ++without_cluster;
  for (size_t i = 0; i < std::size(kAllFitFlags); ++i) {
    if ((result.flags() & kAllFitFlags[i]) != 0) ++flags[i];
  }
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

Result<ClassifyTally> ClassifyStore(Store& store, const ModelChoice& choice,
                                    const ClassifierOptions& options, const std::string& user) {
  const ClusterModel& model = *choice.model;
  const MeasurementClassifier classifier(model, options);
  ClassifyTally tally;
  Status status = store.InTransaction([&]() -> Status {
    Result<ClusterModelRecord> record =
        RegisterClusterModel(store, model.name(), model.version(), choice.content_hash);
    if (!record.ok()) return record.error();
    Result<int64_t> done = CountClassified(store, record.value().id);
    if (!done.ok()) return done.error();
    tally.skipped = done.value();
    Status classified = ClassifyPending(store, classifier, record.value().id, &tally);
    if (!classified.ok()) return classified;
    return RecordAudit(store, user, "classify",
                       std::to_string(tally.classified) + " measurements with model " +
                           model.name() + " " + model.version());
  });
  if (!status.ok()) return status.error();
  return tally;
}

}  // namespace clusterpilot
