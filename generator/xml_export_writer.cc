#include "generator/xml_export_writer.h"

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
  file_->Append(' ');
  file_->Append(name);
  file_->Append("=\"");
  for (char c : value) {
    switch (c) {
      case '&':
        file_->Append("&amp;");
        break;
      case '<':
        file_->Append("&lt;");
        break;
      case '>':
        file_->Append("&gt;");
        break;
      case '"':
        file_->Append("&quot;");
        break;
      case '\t':  // kept literally, attribute-value normalisation would make them spaces
        file_->Append("&#9;");
        break;
      case '\n':
        file_->Append("&#10;");
        break;
      case '\r':
        file_->Append("&#13;");
        break;
      default:
        file_->Append(c);
    }
  }
  file_->Append('"');
}

void XmlExportWriter::Write(const Measurement& measurement) {
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
  file_->Append("/>\n");
}

Status XmlExportWriter::Finish() {
  file_->Append("</honosplus-export>\n");
  return file_->Close();
}

}  // namespace clusterpilot
