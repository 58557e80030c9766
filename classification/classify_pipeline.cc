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

constexpr size_t kBatchSize = 4096;
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

struct ResultBatch {
  std::vector<ResultRow> rows = std::vector<ResultRow>(kBatchSize);
  size_t size = 0;
};

using BatchQueue = BoundedQueue<ResultBatch>;

// Batches travel from the reader to the writer through `full` and back
// through `empty`, so after the first few nothing is allocated. Either side
// ending early closes both queues, which releases the other side.
struct BatchQueues {
  BatchQueues() {
    for (size_t i = 0; i < kBatchesInFlight; ++i) empty.TryPush(ResultBatch{});
  }
  void Close() {
    full.Close();
    empty.Close();
  }

  BatchQueue full{kBatchesInFlight};
  BatchQueue empty{kBatchesInFlight};
};

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

// The reader thread: its own connection, the classifier, full batches out.
Status ReadAndClassify(const std::string& path, const MeasurementClassifier& classifier,
                       int64_t model_id, BatchQueues* queues, ClassifyTally* tally) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) return store.error();
  UnclassifiedMeasurements pending(*store.value(), model_id, tally->skipped > 0);
  Measurement measurement;
  MeasurementClassification result;
  std::vector<ClusterProbability> ranked;
  AssignmentExplanationCode code;
  // No batch means the writer gave up; its error is the one reported.
  std::optional<ResultBatch> batch = queues->empty.Pop();
  while (batch && pending.Next(&measurement)) {
    classifier.Classify(measurement, &result);
    FillRow(classifier, measurement, result, &ranked, &code, &batch->rows[batch->size++]);
    tally->Count(result);
    if (batch->size == kBatchSize) {
      queues->full.Push(std::move(*batch));
      batch = queues->empty.Pop();
    }
  }
  if (batch && batch->size > 0) queues->full.Push(std::move(*batch));
  return pending.status();
}

Status WriteBatches(Store& store, int64_t model_id, BatchQueues* queues) {
  ClassificationWriter writer(store, model_id, UtcTimestamp());
  std::vector<ClassificationRecord> records;
  records.reserve(kBatchSize);
  while (std::optional<ResultBatch> batch = queues->full.Pop()) {
    records.clear();
    for (size_t i = 0; i < batch->size; ++i) {
      const ResultRow& row = batch->rows[i];
      records.push_back({row.measurement_id, row.cluster, row.probability, row.probabilities,
                         row.flags, row.flag_reasons, row.explanation});
    }
    Status written = writer.WriteBatch(records.data(), records.size());
    if (!written.ok()) return written;
    batch->size = 0;
    queues->empty.Push(std::move(*batch));
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
  BatchQueues queues;
  Status read = Status::Ok();
  std::thread reader([&] {
    read = ReadAndClassify(store.path(), classifier, model_id, &queues, tally);
    if (read.ok()) {
      queues.full.Finish();
    } else {
      queues.Close();
    }
  });
  Status written = WriteBatches(store, model_id, &queues);
  if (!written.ok()) queues.Close();
  reader.join();
  if (!written.ok()) return written;
  return read;
}

}  // namespace clusterpilot
