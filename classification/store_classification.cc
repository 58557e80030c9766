#include "classification/store_classification.h"

#include "classifier/cluster_model.h"
#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/classification_transaction.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Registers the model, classifies what it has not classified yet, marks the
// run's progress and audits it: one transaction's work.
Status ClassifyAndRecord(Store& store, const ClusterModel& model,
                         const MeasurementClassifier& classifier,
                         const StoreClassificationOptions& options, ClassifyTally* tally) {
  Result<ClusterModelRecord> record =
      RegisterClusterModel(store, model.name(), model.version(), options.model_content_hash);
  if (!record.ok()) return record.error();
  Result<int64_t> done = CountClassified(store, record.value().id);
  if (!done.ok()) return done.error();
  tally->skipped = done.value();
  Status classified = ClassifyPending(store, classifier, record.value().id, tally);
  if (!classified.ok()) return classified;
  classified = RecordClassifiedThrough(store, record.value().id);
  if (!classified.ok()) return classified;
  return RecordAudit(store, options.user, "classify",
                     std::to_string(tally->classified) + " measurements with model " +
                         model.name() + " " + model.version());
}

}  // namespace

Result<ClassifyTally> ClassifyStore(Store& store, const ClusterModel& model,
                                    const StoreClassificationOptions& options) {
  const MeasurementClassifier classifier(model, options.classifier);
  ClassifyTally tally;
  // A store's first classify adds every row of the classification table and
  // its indexes, so on SQLite it goes through the rollback journal.
  Status status = store.InBulkWriteIfEmpty("classification", [&] {
    return InClassificationTransaction(
        store, [&] { return ClassifyAndRecord(store, model, classifier, options, &tally); });
  });
  if (!status.ok()) return status.error();
  return tally;
}

}  // namespace clusterpilot
