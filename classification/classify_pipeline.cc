#include "classification/classify_pipeline.h"

#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/bounded_queue.h"
#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/store.h"
#include "store/unclassified_measurements.h"

namespace clusterpilot {
namespace {

// Small batches stay in the processor's caches on their way between the two
// threads: 1M measurements took 5% less processor time in batches of 1,024
// than of 4,096 (16,384 was slower still, 8 batches in flight no faster).
constexpr size_t kBatchSize = 1024;
constexpr size_t kBatchesInFlight = 4;

// One result with its texts; the strings keep their capacity when the batch
// is reused, so after the first few batches nothing is allocated.
struct ResultRow {
  int64_t measurement_id = 0;
  int cluster = 0;
  double probability = 0;
  uint32_t flags = 0;
  std::string probabilities;
  std::string flag_reasons;
  std::string explanation;
};

// Up to kBatchSize measurements on their way through the classifying
// thread, and their results on the way back.
struct Batch {
  std::vector<Measurement> measurements = std::vector<Measurement>(kBatchSize);
  std::vector<ResultRow> rows = std::vector<ResultRow>(kBatchSize);
  size_t size = 0;
};

using BatchQueue = BoundedQueue<Batch>;

void FillRow(const MeasurementClassifier& classifier, const Measurement& measurement,
             const MeasurementClassification& result, std::vector<ClusterProbability>* ranked,
             AssignmentExplanationCode* code, ResultRow* row) {
  row->measurement_id = measurement.id;
  row->cluster = result.cluster();
  row->probability = result.probability();
  row->flags = result.flags();
  classifier.RankedProbabilities(result, ranked);
  EncodeProbabilities(*ranked, &row->probabilities);
  classifier.DescribeFlags(measurement, result, &row->flag_reasons);
  classifier.EncodeExplanation(result, code, &row->explanation);
}

// The classifying thread: batches of measurements in, the same batches with
// their results out, until `to_classify` is finished or closed.
void ClassifyBatches(const MeasurementClassifier& classifier, BatchQueue* to_classify,
                     BatchQueue* classified, ClassifyTally* tally) {
  MeasurementClassification result;
  std::vector<ClusterProbability> ranked;
  AssignmentExplanationCode code;
  while (std::optional<Batch> batch = to_classify->Pop()) {
    for (size_t i = 0; i < batch->size; ++i) {
      classifier.Classify(batch->measurements[i], &result);
      FillRow(classifier, batch->measurements[i], result, &ranked, &code, &batch->rows[i]);
      tally->Count(result);
    }
    if (!classified->Push(std::move(*batch))) return;
  }
  classified->Finish();
}

// Fills `batch` with the next pending measurements; its size stays below
// kBatchSize only at the end.
void ReadBatch(UnclassifiedMeasurements& pending, Batch* batch) {
  batch->size = 0;
  while (batch->size < kBatchSize && pending.Next(&batch->measurements[batch->size])) {
    ++batch->size;
  }
}

Status WriteBatch(ClassificationWriter& writer, const Batch& batch,
                  std::vector<ClassificationRecord>* records) {
  records->clear();
  for (size_t i = 0; i < batch.size; ++i) {
    const ResultRow& row = batch.rows[i];
    records->push_back({row.measurement_id, row.cluster, row.probability, row.probabilities,
                        row.flags, row.flag_reasons, row.explanation});
  }
  return writer.WriteBatch(records->data(), records->size());
}

// The calling thread reads the pending measurements and writes their
// results, both through `store`, keeping the classifying thread fed with up
// to kBatchesInFlight batches.
Status ReadAndWrite(Store& store, int64_t model_id, bool model_has_results, BatchQueue* to_classify,
                    BatchQueue* classified) {
  UnclassifiedMeasurements pending(store, model_id, model_has_results);
  ClassificationWriter writer(store, model_id, UtcTimestamp());
  std::vector<ClassificationRecord> records;
  records.reserve(kBatchSize);
  std::vector<Batch> spare(kBatchesInFlight);
  bool reading = true;
  size_t in_flight = 0;
  while (reading || in_flight > 0) {
    if (reading && !spare.empty()) {
      Batch batch = std::move(spare.back());
      spare.pop_back();
      ReadBatch(pending, &batch);
      if (!pending.status().ok()) return pending.status();
      reading = batch.size == kBatchSize;
      if (batch.size == 0) continue;
      to_classify->Push(std::move(batch));
      ++in_flight;
      continue;
    }
    std::optional<Batch> batch = classified->Pop();
    if (!batch) return MakeError("classify: the classifying thread stopped early");
    --in_flight;
    Status written = WriteBatch(writer, *batch, &records);
    if (!written.ok()) return written;
    spare.push_back(std::move(*batch));
  }
  return Status::Ok();
}

}  // namespace

void ClassifyTally::Count(const MeasurementClassification& result) {
  ++classified;
  if (result.cluster() == 0) ++without_cluster;
  for (size_t i = 0; i < std::size(kAllFitFlags); ++i) {
    if ((result.flags() & kAllFitFlags[i]) != 0) ++flags[i];
  }
}

Status ClassifyPending(Store& store, const MeasurementClassifier& classifier, int64_t model_id,
                       ClassifyTally* tally) {
  BatchQueue to_classify(kBatchesInFlight);
  BatchQueue classified(kBatchesInFlight);
  const bool model_has_results = tally->skipped > 0;
  std::thread worker(ClassifyBatches, std::cref(classifier), &to_classify, &classified, tally);
  Status done = ReadAndWrite(store, model_id, model_has_results, &to_classify, &classified);
  if (done.ok()) {
    to_classify.Finish();
  } else {
    to_classify.Close();
    classified.Close();
  }
  worker.join();
  return done;
}

}  // namespace clusterpilot
