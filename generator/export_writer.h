// Writes measurements as a HoNOS+ export file, the way an EPD would hand it
// to finance: CSV as Dutch Excel saves it, or XML per
// schemas/honosplus-export.xsd. What `clusterpilot import` reads back.
#ifndef CLUSTERPILOT_GENERATOR_EXPORT_WRITER_H_
#define CLUSTERPILOT_GENERATOR_EXPORT_WRITER_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "core/measurement.h"

namespace clusterpilot {

class ExportWriter {
 public:
  // A CSV writer for a path ending in .csv, an XML writer for .xml (any
  // case); an error for any other name or a file that cannot be created.
  static Result<std::unique_ptr<ExportWriter>> Create(const std::string& path);

  virtual ~ExportWriter() = default;

  // Appends one measurement. Errors surface in Finish().
  virtual void Write(const Measurement& measurement) = 0;

  // Completes and closes the file.
  virtual Status Finish() = 0;
};

// "05-03-2026": how Dutch Excel writes a date.
std::string DutchDate(const CalendarDate& date);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_EXPORT_WRITER_H_
