#include "importers/import_record.h"

namespace clusterpilot {
namespace {

// Big enough that locking is rare, small enough that the writer starts early.
constexpr size_t kBatchSize = 1024;

}  // namespace

RecordProducer::RecordProducer(RecordQueue& queue, RecordQueue& recycled,
                               const RowValidator& validator, bool keep_row_text)
    : queue_(queue), recycled_(recycled), validator_(validator), keep_row_text_(keep_row_text) {
  batch_.reserve(kBatchSize);
}

bool RecordProducer::Add(const RawMeasurement& raw,
                         const std::function<void(std::string*)>& row_text) {
  if (used_ == batch_.size()) batch_.emplace_back();
  ImportRecord& record = batch_[used_++];
  record.line = raw.line;
  record.problems.clear();
  record.row_text.clear();
  const bool valid = validator_.Validate(raw, &record.measurement, &record.problems);
  if (!valid || keep_row_text_) row_text(&record.row_text);
  if (used_ >= kBatchSize) return Flush();
  return true;
}

bool RecordProducer::Flush() {
  if (used_ == 0) return true;
  batch_.resize(used_);
  RecordBatch full = std::move(batch_);
  std::optional<RecordBatch> reused = recycled_.TryPop();
  batch_ = reused ? std::move(*reused) : RecordBatch();
  batch_.reserve(kBatchSize);
  used_ = 0;
  return queue_.Push(std::move(full));
}

void RecordProducer::Finish() {
  Flush();
  queue_.Finish();
}

}  // namespace clusterpilot
