#include "generator/export_writer.h"

#include <cctype>
#include <cstdio>

#include "generator/csv_export_writer.h"
#include "generator/xml_export_writer.h"

namespace clusterpilot {
namespace {

bool EndsWithIgnoringCase(const std::string& text, const std::string& suffix) {
  if (text.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[text.size() - suffix.size() + i]);
    if (std::tolower(c) != suffix[i]) return false;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<ExportWriter>> ExportWriter::Create(const std::string& path) {
  if (EndsWithIgnoringCase(path, ".csv")) return CsvExportWriter::Create(path);
  if (EndsWithIgnoringCase(path, ".xml")) return XmlExportWriter::Create(path);
  return FileError(path, "the name must end in .csv or .xml; it decides the format");
}

std::string DutchDate(const CalendarDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d-%02d-%04d", date.day, date.month, date.year);
  return buffer;
}

}  // namespace clusterpilot
