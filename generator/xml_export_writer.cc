#include "generator/xml_export_writer.h"

#include "core/xml_text.h"

namespace clusterpilot {
namespace {

constexpr const char* kItemAttributes[kItemCount] = {
    "hv01", "hv02", "hv03", "hv04", "hv05", "hv06", "hv07", "hv08", "hv09", "hv10",
    "hv11", "hv12", "hv13", "hv14", "hv15", "hv16", "hv17", "hv18", "hv19"};

}  // namespace

Result<std::unique_ptr<ExportWriter>> XmlExportWriter::Create(const std::string& path) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.error();
  std::unique_ptr<ExportWriter> writer(new XmlExportWriter(std::move(file).value()));
  return writer;
}

XmlExportWriter::XmlExportWriter(std::unique_ptr<OutputFile> file) : file_(std::move(file)) {
  file_->Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<honosplus-export xmlns=\"");
  file_->Append(kHonosExportNamespace);
  file_->Append("\" source=\"clusterpilot generate\">\n");
}

void XmlExportWriter::AppendAttribute(const char* name, std::string_view value) {
  escaped_.clear();
  Status escaped = AppendXmlText(value, XmlPlace::kAttribute, &escaped_);
  if (!escaped.ok()) {
    escaped_.clear();
    if (refused_.ok()) {
      Error error = escaped.error();
      error.file = file_->path();
      error.field = std::string("measurement ") + std::to_string(measurement_count_) +
                    " attribute \"" + name + "\"";
      refused_ = error;
    }
  }
  file_->Append(' ');
  file_->Append(name);
  file_->Append("=\"");
  file_->Append(escaped_);
  file_->Append('"');
}

void XmlExportWriter::Write(const Measurement& measurement) {
  ++measurement_count_;
  file_->Append("  <measurement");
  AppendAttribute("patient", measurement.patient_id);
  AppendAttribute("department", measurement.department);
  AppendAttribute("date", measurement.rating_date.ToIso());
  AppendAttribute("clinician", measurement.clinician);
  if (measurement.supercluster != Supercluster::kNone) {
    AppendAttribute("supercluster", SuperclusterName(measurement.supercluster));
  }
  if (measurement.route != RatingRoute::kUnknown) {
    AppendAttribute("route", RatingRouteName(measurement.route));
  }
  for (int item = 0; item < kItemCount; ++item) {
    const int8_t rating = measurement.ratings[item];
    const char digit = rating == kUnknownRating ? '9' : static_cast<char>('0' + rating);
    AppendAttribute(kItemAttributes[item], std::string_view(&digit, 1));
  }
  if (measurement.hv08_type != 0)
    AppendAttribute("hv08-type", std::string_view(&measurement.hv08_type, 1));
  if (!measurement.coordinating_department.empty())
    AppendAttribute("coordinating-department", measurement.coordinating_department);
  if (!measurement.organisation.empty()) AppendAttribute("organisation", measurement.organisation);
  file_->Append("/>\n");
}

Status XmlExportWriter::Finish() {
  file_->Append("</honosplus-export>\n");
  Status closed = file_->Close();
  return refused_.ok() ? closed : refused_;
}

}  // namespace clusterpilot
