#include "app/store_classification.h"

#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/store.h"

namespace clusterpilot {
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
  // Every row written references a measurement just read and the model just
  // registered, inside one write transaction; checking each reference again
  // cost SQLite three times as much as writing the row.
  Status unchecked = store.Execute("PRAGMA foreign_keys = OFF");
  if (!unchecked.ok()) return unchecked.error();
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
  // Switch the checks back on whatever happened; when both fail, the
  // classification's own error is the one the user needs to see.
  Status checked = store.Execute("PRAGMA foreign_keys = ON");
  if (!status.ok()) return status.error();
  if (!checked.ok()) return checked.error();
  return tally;
}

}  // namespace clusterpilot
