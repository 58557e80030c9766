// Streams the rows of a CSV export with libcsv: RFC 4180 quoting (delimiters,
// doubled quotes and line breaks inside quoted fields), LF or CRLF, blank
// lines and trailing empty columns ignored. Memory stays flat however large
// the file: one row at a time.
#ifndef CLUSTERPILOT_IMPORTERS_CSV_EXPORT_READER_H_
#define CLUSTERPILOT_IMPORTERS_CSV_EXPORT_READER_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "importers/csv_dialect.h"
#include "importers/header_mapping.h"
#include "importers/raw_measurement.h"
#include "importers/text_decoder.h"

struct csv_parser;

namespace clusterpilot {

class CsvExportReader {
 public:
  // Opens `path`, detects its dialect and maps its header; messages name the
  // file as `display_name`. Fails when the file cannot be read, has no
  // header, or lacks a required column.
  static Result<std::unique_ptr<CsvExportReader>> Open(const std::string& path,
                                                       const std::string& display_name);
  ~CsvExportReader();
  CsvExportReader(const CsvExportReader&) = delete;
  CsvExportReader& operator=(const CsvExportReader&) = delete;

  // Called per data row with the row's fields and its cells (UTF-8, in file
  // order); both are reused for the next row. Return false to stop reading.
  using RowCallback =
      std::function<bool(const RawMeasurement& row, const std::vector<std::string>& cells)>;

  // Reads every row after the header. Fails only for what spoils the whole
  // file: a read error, or a quote that is never closed.
  Status ReadRows(const RowCallback& callback);

  const CsvDialect& dialect() const { return dialect_; }
  const HeaderMapping& mapping() const { return mapping_; }
  // Known once rows have been read: see TextDecoder::EncodingName().
  std::string EncodingName() const { return decoder_.EncodingName(); }

 private:
  CsvExportReader(std::string display_name, std::FILE* file, CsvDialect dialect);

  Status ReadHeader(std::string first_chunk);
  bool ReadChunk(std::string* chunk);
  // Feeds `text` to libcsv line by line so every row knows its line number.
  // Returns the bytes consumed: all of `text`, or fewer when `stop_after_row`
  // and a row completed.
  size_t Feed(std::string_view text, bool stop_after_row);
  Status CheckFieldSize();
  Status Finish();

  static void OnField(void* data, size_t length, void* self);
  static void OnRowEnd(int terminator, void* self);
  void HandleRow();
  void FillRow();

  std::string display_name_;
  std::FILE* file_;
  CsvDialect dialect_;
  HeaderMapping mapping_;
  TextDecoder decoder_;
  std::unique_ptr<csv_parser> parser_;

  int line_ = 1;  // the line being fed
  int last_row_end_line_ = 0;
  std::vector<std::string> raw_cells_;  // bytes as in the file
  size_t cell_count_ = 0;
  std::vector<std::string> cells_;  // decoded
  RawMeasurement row_;
  bool header_done_ = false;
  bool stopped_ = false;
  std::vector<std::string> header_;
  std::string pending_;  // read but not yet fed
  const RowCallback* callback_ = nullptr;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_CSV_EXPORT_READER_H_
