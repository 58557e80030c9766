#include "generator/csv_export_writer.h"

#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

// Column names as a Dutch EPD labels them; the importer knows them all.
constexpr const char* kColumns[] = {"patiëntnummer", "afdeling",     "datum",
                                    "behandelaar",   "supercluster", "route",
                                    "HV01",          "HV02",         "HV03",
                                    "HV04",          "HV05",         "HV06",
                                    "HV07",          "HV08",         "HV09",
                                    "HV10",          "HV11",         "HV12",
                                    "HV13",          "HV14",         "HV15",
                                    "HV16",          "HV17",         "HV18",
                                    "HV19",          "HV08_soort",   "regiebehandelaar_afdeling",
                                    "organisatie"};

// The regulation's names for the superclusters.
std::string_view DutchSupercluster(Supercluster supercluster) {
  switch (supercluster) {
    case Supercluster::kNonPsychotic:
      return "psychische aandoening";
    case Supercluster::kPsychotic:
      return "psychotische stoornis";
    case Supercluster::kOrganic:
      return "cognitieve beperking";
    case Supercluster::kNone:
      break;
  }
  return "";
}

std::string_view DutchRoute(RatingRoute route) {
  switch (route) {
    case RatingRoute::kFull:
      return "volledig";
    case RatingRoute::kDynamic:
      return "dynamisch";
    case RatingRoute::kUnknown:
      break;
  }
  return "";
}

}  // namespace

Result<std::unique_ptr<ExportWriter>> CsvExportWriter::Create(const std::string& path,
                                                              CsvExportStyle style) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.error();
  std::unique_ptr<ExportWriter> writer(new CsvExportWriter(std::move(file).value(), style));
  return writer;
}

CsvExportWriter::CsvExportWriter(std::unique_ptr<OutputFile> file, CsvExportStyle style)
    : file_(std::move(file)), style_(style) {
  if (style_.byte_order_mark) file_->Append(kUtf8ByteOrderMark);
  for (const char* column : kColumns) {
    if (column != kColumns[0]) file_->Append(style_.delimiter);
    file_->Append(column);
  }
  file_->Append("\r\n");
}

// Through the one CSV writer's quoting and formula neutralising: an EPD does
// not neutralise, but the importer undoes it, so the round trip holds; the
// generator's own values never start with a formula character anyway.
void CsvExportWriter::AppendField(const std::string& text) {
  field_.clear();
  AppendCsvText(text, style_.delimiter, &field_);
  file_->Append(field_);
}

void CsvExportWriter::Write(const Measurement& measurement) {
  AppendField(measurement.patient_id);
  file_->Append(style_.delimiter);
  AppendField(measurement.department);
  file_->Append(style_.delimiter);
  file_->Append(DutchDate(measurement.rating_date));
  file_->Append(style_.delimiter);
  AppendField(measurement.clinician);
  file_->Append(style_.delimiter);
  file_->Append(DutchSupercluster(measurement.supercluster));
  file_->Append(style_.delimiter);
  file_->Append(DutchRoute(measurement.route));
  // The dynamic route leaves unasked items empty; a full route says 9.
  const char unknown = measurement.route == RatingRoute::kDynamic ? '\0' : '9';
  for (int8_t rating : measurement.ratings) {
    file_->Append(style_.delimiter);
    if (rating != kUnknownRating) {
      file_->Append(static_cast<char>('0' + rating));
    } else if (unknown != '\0') {
      file_->Append(unknown);
    }
  }
  file_->Append(style_.delimiter);
  if (measurement.hv08_type != 0) file_->Append(measurement.hv08_type);
  file_->Append(style_.delimiter);
  AppendField(measurement.coordinating_department);
  file_->Append(style_.delimiter);
  AppendField(measurement.organisation);
  file_->Append("\r\n");
}

Status CsvExportWriter::Finish() { return file_->Close(); }

}  // namespace clusterpilot
