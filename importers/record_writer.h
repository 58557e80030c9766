// The storing end of an import: takes each record from the reader thread,
// stores it through a MeasurementWriter, and keeps count. Rejected rows and
// conflicts (a stored measurement with other ratings, described value by
// value) are kept in the store with their reasons; the first few problems
// go into the summary.
#ifndef CLUSTERPILOT_IMPORTERS_RECORD_WRITER_H_
#define CLUSTERPILOT_IMPORTERS_RECORD_WRITER_H_

#include <string>
#include <vector>

#include "core/error.h"
#include "importers/import_record.h"
#include "importers/import_summary.h"
#include "importers/row_validator.h"
#include "store/measurement_writer.h"

namespace clusterpilot {

struct RecordWriterOptions {
  std::string display_name;  // the file, as messages name it
  bool strict = false;       // the first row not stored fails the import
  int listed_problems = 10;  // how many problems the summary keeps
};

class RecordWriter {
 public:
  // Counts and problems go to *summary, which must outlive the writer.
  RecordWriter(MeasurementWriter& writer, const FieldLabels& labels, RecordWriterOptions options,
               ImportSummary* summary);

  // Stores one record, or its rejection. An error ends the import: a store
  // failure, or (strict) a row that could not be stored. Where the store
  // takes batches (MeasurementWriter::preferred_batch_size) the record is
  // kept (moved from) until a batch is full; counts, problems and rejected
  // rows come in file order all the same.
  Status Write(ImportRecord& record);

  // Stores the records Write kept. Call once after the last one.
  Status Flush();

  // After a strict failure: the row that failed the file, for the reject file.
  const std::vector<RowProblem>& strict_problems() const { return strict_problems_; }
  const std::string& strict_row_text() const { return strict_row_text_; }

 private:
  Status Settle(ImportRecord& record, MeasurementWriter::Outcome outcome,
                const StoredMeasurement& stored);
  Status Reject(const ImportRecord& record, const std::vector<RowProblem>& problems);

  MeasurementWriter& writer_;
  const FieldLabels& labels_;
  const RecordWriterOptions options_;
  ImportSummary* summary_;
  StoredMeasurement stored_;
  std::vector<ImportRecord> pending_;  // kept for the next batch
  std::vector<MeasurementWriter::BatchEntry> entries_;
  std::vector<RowProblem> strict_problems_;
  std::string strict_row_text_;
};

// Why `here` (read from `line`) was not stored over `stored`: every value in
// which they differ ("HV07 2 there, 3 here"), named as the file names it.
RowProblem DescribeConflict(int line, const Measurement& here, const StoredMeasurement& stored,
                            const FieldLabels& labels);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_RECORD_WRITER_H_
