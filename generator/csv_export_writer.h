// The CSV form of a HoNOS+ export as Dutch Excel saves it ("CSV UTF-8"):
// UTF-8 with a byte-order mark, ';' between fields, CRLF line ends, dates as
// dd-mm-yyyy and Dutch column names. Unknown ratings are written as 9 in a
// full-route record and left empty where the dynamic route did not ask.
#ifndef CLUSTERPILOT_GENERATOR_CSV_EXPORT_WRITER_H_
#define CLUSTERPILOT_GENERATOR_CSV_EXPORT_WRITER_H_

#include <memory>
#include <string>

#include "generator/export_writer.h"
#include "generator/output_file.h"

namespace clusterpilot {

// How the file is laid out: Dutch Excel's by default; an EPD often writes
// ',' without a byte-order mark.
struct CsvExportStyle {
  char delimiter = ';';
  bool byte_order_mark = true;
};

class CsvExportWriter : public ExportWriter {
 public:
  static Result<std::unique_ptr<ExportWriter>> Create(const std::string& path,
                                                      CsvExportStyle style = {});

  void Write(const Measurement& measurement) override;
  Status Finish() override;

 private:
  CsvExportWriter(std::unique_ptr<OutputFile> file, CsvExportStyle style);
  void AppendField(const std::string& text);

  std::unique_ptr<OutputFile> file_;
  CsvExportStyle style_;
  std::string field_;  // one quoted field, reused
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_CSV_EXPORT_WRITER_H_
