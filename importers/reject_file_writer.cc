#include "importers/reject_file_writer.h"

#include <cerrno>
#include <cstring>

#include "core/dutch_csv_writer.h"

namespace clusterpilot {

Result<std::unique_ptr<RejectFileWriter>> RejectFileWriter::Create(
    const std::string& path, char delimiter, const std::vector<std::string>& columns,
    const std::string& reason_column) {
  std::unique_ptr<RejectFileWriter> writer(new RejectFileWriter(path, delimiter));
  if (!writer->file_) {
    Error error;
    error.file = path;
    error.message = std::string("the reject file cannot be written: ") + std::strerror(errno);
    return error;
  }
  std::vector<std::string> header = columns;
  header.push_back(reason_column);
  writer->file_ << kUtf8ByteOrderMark << JoinCsvRow(header, delimiter) << "\r\n";
  return writer;
}

RejectFileWriter::RejectFileWriter(std::string path, char delimiter)
    : path_(std::move(path)),
      delimiter_(delimiter),
      file_(path_, std::ios::binary | std::ios::trunc) {}

void RejectFileWriter::WriteRow(std::string_view row_text, const std::string& reasons) {
  file_ << row_text << delimiter_ << JoinCsvRow({reasons}, delimiter_) << "\r\n";
}

Status RejectFileWriter::Finish() {
  file_.close();
  if (!file_) {
    Error error;
    error.file = path_;
    error.message = "the reject file could not be written completely";
    return error;
  }
  return Status::Ok();
}

std::string JoinCsvRow(const std::vector<std::string>& cells, char delimiter) {
  std::string line;
  AppendCsvRow(cells, delimiter, &line);
  return line;
}

void AppendCsvRow(const std::vector<std::string>& cells, char delimiter, std::string* line) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) *line += delimiter;
    AppendCsvText(cells[i], delimiter, line);
  }
}

const std::vector<std::string>& CanonicalRejectColumns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names = {"patient",   "department",   "date",
                                      "clinician", "supercluster", "route"};
    for (int item = 0; item < kItemCount; ++item) names.push_back(ItemCode(item));
    names.push_back("HV08_type");
    return names;
  }();
  return columns;
}

std::string CanonicalRejectRow(const Measurement& measurement) {
  std::vector<std::string> cells = {measurement.patient_id,
                                    measurement.department,
                                    measurement.rating_date.ToIso(),
                                    measurement.clinician,
                                    SuperclusterName(measurement.supercluster),
                                    RatingRouteName(measurement.route)};
  for (int8_t rating : measurement.ratings) {
    cells.push_back(rating == kUnknownRating ? "9" : std::to_string(rating));
  }
  cells.push_back(measurement.hv08_type == 0 ? "" : std::string(1, measurement.hv08_type));
  return JoinCsvRow(cells, ';');
}

}  // namespace clusterpilot

namespace clusterpilot {

std::string CanonicalRejectRow(const RawMeasurement& raw) {
  std::vector<std::string> cells(raw.values.begin(), raw.values.begin() + kHv08TypeField);
  cells.insert(cells.end(), raw.values.begin() + kFirstItemField, raw.values.end());
  cells.push_back(raw.values[kHv08TypeField]);
  return JoinCsvRow(cells, ';');
}

}  // namespace clusterpilot
