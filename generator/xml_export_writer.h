// The XML form of a HoNOS+ export, valid against
// schemas/honosplus-export.xsd: one empty <measurement> element per rating
// with everything in attributes (cheap to validate), unknown ratings as 9.
#ifndef CLUSTERPILOT_GENERATOR_XML_EXPORT_WRITER_H_
#define CLUSTERPILOT_GENERATOR_XML_EXPORT_WRITER_H_

#include <memory>
#include <string>
#include <string_view>

#include "generator/export_writer.h"
#include "generator/output_file.h"

namespace clusterpilot {

// The namespace of version 1 of the export format.
inline constexpr const char* kHonosExportNamespace = "urn:clusterpilot:honosplus-export:1";

class XmlExportWriter : public ExportWriter {
 public:
  static Result<std::unique_ptr<ExportWriter>> Create(const std::string& path);

  void Write(const Measurement& measurement) override;
  // Fails when a value held a character XML 1.0 forbids (core/xml_text.h);
  // that value is written empty.
  Status Finish() override;

 private:
  explicit XmlExportWriter(std::unique_ptr<OutputFile> file);
  void AppendAttribute(const char* name, std::string_view value);

  std::unique_ptr<OutputFile> file_;
  std::string escaped_;            // one attribute value, reused
  Status refused_ = Status::Ok();  // the first value XML cannot hold; Finish returns it
  int measurement_count_ = 0;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_XML_EXPORT_WRITER_H_
