#include "generator/truth_file_writer.h"

namespace clusterpilot {

Result<std::unique_ptr<TruthFileWriter>> TruthFileWriter::Create(const std::string& path) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.error();
  return std::unique_ptr<TruthFileWriter>(new TruthFileWriter(std::move(file).value()));
}

TruthFileWriter::TruthFileWriter(std::unique_ptr<OutputFile> file) : file_(std::move(file)) {
  DutchCsvWriter header;
  header.ByteOrderMark().Text("patient_id").Text("department").Text("rating_date");
  file_->Append(header.Text("true_cluster").EndLine().text());
}

void TruthFileWriter::Write(const SyntheticMeasurement& synthetic) {
  const Measurement& measurement = synthetic.measurement;
  line_.Clear();
  line_.Text(measurement.patient_id).Text(measurement.department);
  line_.Text(measurement.rating_date.ToIso()).Integer(synthetic.true_cluster).EndLine();
  file_->Append(line_.text());
}

std::string TruthFilePath(const std::string& export_path) { return export_path + ".truth.csv"; }

}  // namespace clusterpilot
