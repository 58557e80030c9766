// The answer key of a synthetic export: for each measurement (by its natural
// key) the cluster its ratings were drawn around, so the classifier can be
// scored. Written beside the export as <export>.truth.csv: UTF-8 with a
// byte-order mark, ';', CRLF, columns patient_id;department;rating_date
// (yyyy-mm-dd);true_cluster (0 = deliberately fits no cluster).
#ifndef CLUSTERPILOT_GENERATOR_TRUTH_FILE_WRITER_H_
#define CLUSTERPILOT_GENERATOR_TRUTH_FILE_WRITER_H_

#include <memory>
#include <string>

#include "core/dutch_csv_writer.h"
#include "generator/output_file.h"
#include "generator/synthetic_institution.h"

namespace clusterpilot {

class TruthFileWriter {
 public:
  static Result<std::unique_ptr<TruthFileWriter>> Create(const std::string& path);

  void Write(const SyntheticMeasurement& synthetic);
  Status Finish() { return file_->Close(); }

 private:
  explicit TruthFileWriter(std::unique_ptr<OutputFile> file);

  std::unique_ptr<OutputFile> file_;
  DutchCsvWriter line_;  // one line, reused
};

// "<export_path>.truth.csv".
std::string TruthFilePath(const std::string& export_path);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_TRUTH_FILE_WRITER_H_
