// Streams the rows of a CSV export through the shared DelimitedReader
// (core/delimited_reader.h): RFC 4180 quoting, LF, CRLF and bare CR line
// ends, blank lines and trailing empty columns ignored. Memory stays flat
// however large the file: one row at a time.
#ifndef CLUSTERPILOT_IMPORTERS_CSV_EXPORT_READER_H_
#define CLUSTERPILOT_IMPORTERS_CSV_EXPORT_READER_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/delimited_reader.h"
#include "core/error.h"
#include "importers/csv_dialect.h"
#include "importers/header_mapping.h"
#include "importers/raw_measurement.h"
#include "importers/text_decoder.h"

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
  // file: a read error, a value longer than kMaxValueBytes, or a quote that
  // is never closed.
  Status ReadRows(const RowCallback& callback);

  const CsvDialect& dialect() const { return dialect_; }
  const HeaderMapping& mapping() const { return mapping_; }
  // The line the header is on.
  int header_line() const { return header_line_; }
  // The line ends seen so far: the whole file's once rows have been read.
  const LineEndCounts& line_ends() const { return reader_.line_ends(); }
  // Known once rows have been read: see TextDecoder::EncodingName().
  std::string EncodingName() const { return decoder_.EncodingName(); }

 private:
  CsvExportReader(std::string display_name, std::FILE* file, CsvDialect dialect);

  Status ReadHeader(std::string first_chunk);
  bool ReadChunk(std::string* chunk);
  Status ReadError() const;
  bool HandleRow(int line, const std::vector<std::string>& raw_cells);
  void FillRow(int line, const std::vector<std::string>& raw_cells);

  std::string display_name_;
  std::FILE* file_;
  CsvDialect dialect_;
  HeaderMapping mapping_;
  TextDecoder decoder_;
  DelimitedReader reader_;
  int header_line_ = 0;
  std::string pending_;             // read but not yet fed
  std::vector<std::string> cells_;  // decoded
  RawMeasurement row_;
  const RowCallback* callback_ = nullptr;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_CSV_EXPORT_READER_H_
