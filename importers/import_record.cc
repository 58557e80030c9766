#include "importers/import_record.h"

namespace clusterpilot {
namespace {

// Big enough that locking is rare, small enough that the writer starts early.
constexpr size_t kBatchSize = 1024;

}  // namespace

RecordProducer::RecordProducer(RecordQueue& queue, const RowValidator& validator,
                               bool keep_row_text)
    : queue_(queue), validator_(validator), keep_row_text_(keep_row_text) {
  batch_.reserve(kBatchSize);
}

bool RecordProducer::Add(const RawMeasurement& raw, const std::function<std::string()>& row_text) {
  batch_.emplace_back();
  ImportRecord& record = batch_.back();
  record.line = raw.line;
  const bool valid = validator_.Validate(raw, &record.measurement, &record.problems);
  if (!valid || keep_row_text_) record.row_text = row_text();
  if (batch_.size() >= kBatchSize) return Flush();
  return true;
}

bool RecordProducer::Flush() {
  if (batch_.empty()) return true;
  RecordBatch full;
  full.reserve(kBatchSize);
  std::swap(full, batch_);
  return queue_.Push(std::move(full));
}

void RecordProducer::Finish() {
  Flush();
  queue_.Finish();
}

}  // namespace clusterpilot
