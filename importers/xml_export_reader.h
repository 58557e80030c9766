// Streams the <measurement> elements of an XML export with Xerces-C SAX2,
// validating against schemas/honosplus-export.xsd (compiled into the
// program). The grammar is loaded once per reader and cached for every file
// it reads; memory does not grow with the file.
//
// Safety: a DOCTYPE is refused outright (no DTD, so no external entities and
// no entity-expansion bombs), external DTDs are never loaded, and a Xerces
// SecurityManager caps entity expansion as a second line of defence.
#ifndef CLUSTERPILOT_IMPORTERS_XML_EXPORT_READER_H_
#define CLUSTERPILOT_IMPORTERS_XML_EXPORT_READER_H_

#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "importers/raw_measurement.h"
#include "importers/row_validator.h"

namespace clusterpilot {

class XmlExportReader {
 public:
  // Sets up Xerces and loads the schema. Fails only if the compiled-in
  // schema does not load (a bug).
  static Result<std::unique_ptr<XmlExportReader>> Create();
  ~XmlExportReader();
  XmlExportReader(const XmlExportReader&) = delete;
  XmlExportReader& operator=(const XmlExportReader&) = delete;

  // Called per measurement; the record is reused. Return false to stop.
  using MeasurementCallback = std::function<bool(const RawMeasurement&)>;

  // Reads `path` (named `display_name` in messages). The first schema
  // violation or XML syntax error ends the read with an error naming line,
  // column and the problem; measurements before it have been passed on, so
  // the caller must discard them. Use from one thread at a time.
  Status Read(const std::string& path, const std::string& display_name,
              const MeasurementCallback& callback);

  // The attribute names of each field, for messages about single rows.
  static const FieldLabels& Labels();

  struct Parts;  // Xerces objects, kept out of this header

 private:
  explicit XmlExportReader(std::unique_ptr<Parts> parts);

  std::unique_ptr<Parts> parts_;
};

// The XSD text compiled into the program.
const char* HonosExportSchema();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_XML_EXPORT_READER_H_
