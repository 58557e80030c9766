// The reject file: every row that was not stored, with the reason, in a CSV
// the user opens in Excel, fixes and imports again. Same delimiter and
// columns as the input (an XML input gets the canonical CSV columns) plus a
// reason column, which the importer ignores on the way back in. Always UTF-8
// with a byte-order mark and CRLF, so Excel shows accents right; a value that
// Excel would run as a formula gets a leading ' which the importer strips.
#ifndef CLUSTERPILOT_IMPORTERS_REJECT_FILE_WRITER_H_
#define CLUSTERPILOT_IMPORTERS_REJECT_FILE_WRITER_H_

#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/measurement.h"
#include "importers/export_field.h"
#include "importers/raw_measurement.h"

namespace clusterpilot {

class RejectFileWriter {
 public:
  // Creates `path` and writes the header: `columns` plus `reason_column`.
  static Result<std::unique_ptr<RejectFileWriter>> Create(const std::string& path, char delimiter,
                                                          const std::vector<std::string>& columns,
                                                          const std::string& reason_column);

  // One rejected row: `row_text` as JoinCsvRow made it, then the reasons.
  void WriteRow(std::string_view row_text, const std::string& reasons);

  Status Finish();

 private:
  RejectFileWriter(std::string path, char delimiter);

  std::string path_;
  char delimiter_;
  std::ofstream file_;
};

// Joins text cells into one CSV line (no line break) with the one CSV
// writer's rules (core/dutch_csv_writer.h): formulas neutralised, a cell
// holding the delimiter, a quote or a line break quoted.
std::string JoinCsvRow(const std::vector<std::string>& cells, char delimiter);
// The same, appended to *line (whose capacity a hot loop reuses).
void AppendCsvRow(const std::vector<std::string>& cells, char delimiter, std::string* line);

// The columns of a reject file for XML input; importable as CSV.
const std::vector<std::string>& CanonicalRejectColumns();

// A measurement in the canonical columns, joined with ';'.
std::string CanonicalRejectRow(const Measurement& measurement);
// The same for a record as read, values as written.
std::string CanonicalRejectRow(const RawMeasurement& raw);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_REJECT_FILE_WRITER_H_
