#include "app/classify_pipeline.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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

// Batches travel from the reader to the writer through `full` and back
// through `empty`. The reader ends with a null batch (and its status).
class BatchQueue {
 public:
  BatchQueue() {
    for (size_t i = 0; i < kBatchesInFlight; ++i) empty_.push_back(std::make_unique<ResultBatch>());
  }

  // For the reader: an empty batch, or null once the writer has given up.
  std::unique_ptr<ResultBatch> TakeEmpty() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || !empty_.empty(); });
    if (stopped_) return nullptr;
    std::unique_ptr<ResultBatch> batch = std::move(empty_.front());
    empty_.pop_front();
    return batch;
  }
  void PutFull(std::unique_ptr<ResultBatch> batch) { Put(&full_, std::move(batch)); }
  void Finish(Status status) {
    std::lock_guard<std::mutex> lock(mutex_);
    reader_status_ = std::move(status);
    finished_ = true;
    changed_.notify_all();
  }

  // For the writer: the next full batch, or null when the reader finished.
  std::unique_ptr<ResultBatch> TakeFull() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return finished_ || !full_.empty(); });
    if (full_.empty()) return nullptr;
    std::unique_ptr<ResultBatch> batch = std::move(full_.front());
    full_.pop_front();
    return batch;
  }
  void PutEmpty(std::unique_ptr<ResultBatch> batch) { Put(&empty_, std::move(batch)); }
  void Stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }
  Status reader_status() {
    std::lock_guard<std::mutex> lock(mutex_);
    return reader_status_;
  }

 private:
  void Put(std::deque<std::unique_ptr<ResultBatch>>* queue, std::unique_ptr<ResultBatch> batch) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue->push_back(std::move(batch));
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<ResultBatch>> empty_;
  std::deque<std::unique_ptr<ResultBatch>> full_;
  bool stopped_ = false;
  bool finished_ = false;
  Status reader_status_ = Status::Ok();
};

void FillRow(const MeasurementClassifier& classifier, const Measurement& measurement,
             const MeasurementClassification& result, std::vector<ClusterProbability>* ranked,
             AssignmentExplanationCode* code, ResultRow* row) {
  row->measurement_id = measurement.id;
  row->cluster = result.cluster();
  row->probability = result.probability();
  row->flags = result.flags();
  classifier.RankedProbabilities(result, ranked);
  row->probabilities = EncodeProbabilities(*ranked);
  classifier.DescribeFlags(measurement, result, &row->flag_reasons);
  classifier.EncodeExplanation(result, code, &row->explanation);
}

// The reader thread: its own connection, the classifier, full batches out.
Status ReadAndClassify(const std::string& path, const MeasurementClassifier& classifier,
                       int64_t model_id, BatchQueue* queue, ClassifyTally* tally) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) return store.error();
  UnclassifiedMeasurements pending(*store.value(), model_id, tally->skipped > 0);
  Measurement measurement;
  MeasurementClassification result;
  std::vector<ClusterProbability> ranked;
  AssignmentExplanationCode code;
  // A null batch means the writer gave up; its error is the one reported.
  std::unique_ptr<ResultBatch> batch = queue->TakeEmpty();
  while (batch != nullptr && pending.Next(&measurement)) {
    classifier.Classify(measurement, &result);
    FillRow(classifier, measurement, result, &ranked, &code, &batch->rows[batch->size++]);
    tally->Count(result);
    if (batch->size == kBatchSize) {
      queue->PutFull(std::move(batch));
      batch = queue->TakeEmpty();
    }
  }
  if (batch != nullptr && batch->size > 0) queue->PutFull(std::move(batch));
  return pending.status();
}

Status WriteBatches(Store& store, int64_t model_id, BatchQueue* queue) {
  ClassificationWriter writer(store, model_id, UtcTimestamp());
  while (std::unique_ptr<ResultBatch> batch = queue->TakeFull()) {
    for (size_t i = 0; i < batch->size; ++i) {
      const ResultRow& row = batch->rows[i];
      Status written =
          writer.Write({row.measurement_id, row.cluster, row.probability, row.probabilities,
                        row.flags, row.flag_reasons, row.explanation});
      if (!written.ok()) return written;
    }
    batch->size = 0;
    queue->PutEmpty(std::move(batch));
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
  BatchQueue queue;
  std::thread reader(
      [&] { queue.Finish(ReadAndClassify(store.path(), classifier, model_id, &queue, tally)); });
  Status written = WriteBatches(store, model_id, &queue);
  if (!written.ok()) queue.Stop();
  reader.join();
  if (!written.ok()) return written;
  return queue.reader_status();
}

}  // namespace clusterpilot
