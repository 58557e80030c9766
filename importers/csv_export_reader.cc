#include "importers/csv_export_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

constexpr size_t kChunkSize = 1 << 20;

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace

Result<std::unique_ptr<CsvExportReader>> CsvExportReader::Open(const std::string& path,
                                                               const std::string& display_name) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return FileError(display_name, std::string("cannot be read: ") + std::strerror(errno));
  }
  std::string first_chunk(kChunkSize, '\0');
  first_chunk.resize(std::fread(first_chunk.data(), 1, first_chunk.size(), file));
  const CsvDialect dialect = DetectCsvDialect(first_chunk);
  std::unique_ptr<CsvExportReader> reader(new CsvExportReader(display_name, file, dialect));
  Status header = reader->ReadHeader(first_chunk.substr(dialect.header_offset));
  if (!header.ok()) return header.error();
  return reader;
}

CsvExportReader::CsvExportReader(std::string display_name, std::FILE* file, CsvDialect dialect)
    : display_name_(std::move(display_name)),
      file_(file),
      dialect_(dialect),
      decoder_(dialect.byte_order_mark),
      reader_(display_name_, dialect.delimiter, dialect.header_line) {}

CsvExportReader::~CsvExportReader() { std::fclose(file_); }

bool CsvExportReader::ReadChunk(std::string* chunk) {
  chunk->resize(kChunkSize);
  chunk->resize(std::fread(chunk->data(), 1, chunk->size(), file_));
  return !chunk->empty();
}

Status CsvExportReader::ReadError() const {
  if (!std::ferror(file_)) return Status::Ok();
  return LineError(display_name_, reader_.line(),
                   std::string("read error: ") + std::strerror(errno));
}

// Feeds bytes until the first row completes; the bytes after it wait in
// pending_ for ReadRows.
Status CsvExportReader::ReadHeader(std::string first_chunk) {
  pending_ = std::move(first_chunk);
  std::vector<std::string> raw_header;
  const DelimitedReader::RowCallback take_header = [&](int line,
                                                       const std::vector<std::string>& cells) {
    raw_header = cells;
    header_line_ = line;
    return false;
  };
  while (header_line_ == 0) {
    size_t used = 0;
    Status fed = reader_.Feed(pending_, take_header, &used);
    if (!fed.ok()) return fed;
    pending_.erase(0, used);
    if (header_line_ != 0) break;
    if (!ReadChunk(&pending_)) {
      Status read = ReadError();
      if (!read.ok()) return read;
      Status finished = reader_.Finish(take_header);
      if (!finished.ok()) return finished;
      if (header_line_ == 0)
        return FileError(display_name_, "is empty; expected a header line with the column names");
    }
  }
  std::vector<std::string> header;
  for (const std::string& cell : raw_header) {
    std::string decoded;
    decoder_.Decode(cell, &decoded);
    header.push_back(std::move(decoded));
  }
  Result<HeaderMapping> mapping = MapHeader(header, display_name_, header_line_);
  if (!mapping.ok()) return mapping.error();
  mapping_ = std::move(mapping).value();
  reader_.SetColumnNames(mapping_.header);
  return Status::Ok();
}

Status CsvExportReader::ReadRows(const RowCallback& callback) {
  callback_ = &callback;
  const DelimitedReader::RowCallback on_row =
      [this](int line, const std::vector<std::string>& cells) { return HandleRow(line, cells); };
  std::string chunk = std::move(pending_);
  do {
    Status fed = reader_.Feed(chunk, on_row);
    if (!fed.ok()) return fed;
    if (reader_.stopped()) return Status::Ok();
  } while (ReadChunk(&chunk));
  Status read = ReadError();
  if (!read.ok()) return read;
  return reader_.Finish(on_row);
}

bool CsvExportReader::HandleRow(int line, const std::vector<std::string>& raw_cells) {
  FillRow(line, raw_cells);
  return (*callback_)(row_, cells_);
}

void CsvExportReader::FillRow(int line, const std::vector<std::string>& raw_cells) {
  row_.Clear();
  row_.line = line;
  cells_.resize(raw_cells.size());
  const size_t columns = mapping_.field_of_column.size();
  for (size_t i = 0; i < raw_cells.size(); ++i) {
    // Our own files (a reject file read back) neutralise formulas; undo that.
    if (!decoder_.Decode(UndoFormulaNeutralising(raw_cells[i]), &cells_[i])) {
      const std::string name = i < columns ? mapping_.header[i] : "";
      row_.problems.push_back(
          RowProblem{line, name.empty() ? "column " + std::to_string(i + 1) : name, cells_[i],
                     "not readable as " + decoder_.EncodingName() +
                         " text (in Excel, save as \"CSV UTF-8\")"});
    }
    if (i < columns && mapping_.field_of_column[i] >= 0) {
      row_.values[mapping_.field_of_column[i]] = cells_[i];
    }
  }
  // Empty cells past the header are Excel's trailing columns; filled ones
  // mean the row does not line up with the header.
  size_t filled = cells_.size();
  while (filled > columns && IsBlank(cells_[filled - 1])) --filled;
  if (filled > columns) {
    row_.problems.push_back(RowProblem{line, "", "",
                                       "the row has " + std::to_string(filled) +
                                           " values but the header " + std::to_string(columns) +
                                           " columns (a " + dialect_.DelimiterName() +
                                           " inside a value that is not in quotes?)"});
  }
}

}  // namespace clusterpilot
