#include "generator/truth_file_writer.h"

namespace clusterpilot {

Result<std::unique_ptr<TruthFileWriter>> TruthFileWriter::Create(const std::string& path) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.error();
  return std::unique_ptr<TruthFileWriter>(new TruthFileWriter(std::move(file).value()));
}

TruthFileWriter::TruthFileWriter(std::unique_ptr<OutputFile> file) : file_(std::move(file)) {
  file_->Append("\xEF\xBB\xBFpatient_id;department;rating_date;true_cluster\r\n");
}

void TruthFileWriter::Write(const SyntheticMeasurement& synthetic) {
  const Measurement& measurement = synthetic.measurement;
  file_->Append(measurement.patient_id);
  file_->Append(';');
  file_->Append(measurement.department);
  file_->Append(';');
  file_->Append(measurement.rating_date.ToIso());
  file_->Append(';');
  file_->Append(std::to_string(synthetic.true_cluster));
  file_->Append("\r\n");
}

std::string TruthFilePath(const std::string& export_path) { return export_path + ".truth.csv"; }

}  // namespace clusterpilot
