// What the reader thread hands the writer: a validated measurement, or a
// rejected row with its problems, plus the row's text for the reject file.
// Records travel in batches through a bounded queue.
#ifndef CLUSTERPILOT_IMPORTERS_IMPORT_RECORD_H_
#define CLUSTERPILOT_IMPORTERS_IMPORT_RECORD_H_

#include <functional>
#include <string>
#include <vector>

#include "core/bounded_queue.h"
#include "core/measurement.h"
#include "importers/raw_measurement.h"
#include "importers/row_validator.h"

namespace clusterpilot {

struct ImportRecord {
  int line = 0;
  Measurement measurement;           // complete when problems is empty
  std::vector<RowProblem> problems;  // empty for a valid row
  std::string row_text;              // for the reject file; may be empty for a valid row
};

using RecordBatch = std::vector<ImportRecord>;
using RecordQueue = BoundedQueue<RecordBatch>;

// The reader thread's end of the queue: validates each raw measurement and
// sends records on in batches. Batches the writer is done with come back
// through `recycled` and are filled again, so after the first few batches
// the records' strings already have their capacity and nothing allocates.
class RecordProducer {
 public:
  // `keep_row_text`: fill row_text for valid rows too (CSV, whose rows can
  // only be reproduced from the original cells); otherwise only for rejects.
  RecordProducer(RecordQueue& queue, RecordQueue& recycled, const RowValidator& validator,
                 bool keep_row_text);

  // Validates and queues one record; `row_text` appends its reject-file text
  // to the (empty) string it gets. Returns false when reading should stop:
  // the writer gave up.
  bool Add(const RawMeasurement& raw, const std::function<void(std::string*)>& row_text);

  // Sends the last, partial batch and tells the writer nothing more comes.
  void Finish();

 private:
  bool Flush();

  RecordQueue& queue_;
  RecordQueue& recycled_;
  const RowValidator& validator_;
  const bool keep_row_text_;
  RecordBatch batch_;
  size_t used_ = 0;  // records of batch_ filled so far
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_IMPORT_RECORD_H_
