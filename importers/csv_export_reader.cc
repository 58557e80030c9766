#include "importers/csv_export_reader.h"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace clusterpilot {
namespace {

constexpr size_t kChunkSize = 1 << 20;
// A longer value means a quote was opened and never closed; stop before the
// rest of the file piles up in memory.
constexpr size_t kMaxFieldBytes = 1 << 20;

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string UnclosedQuoteMessage() {
  return "a quoted value starting on this line has no closing quote (\"); the rest of the file "
         "cannot be read";
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
      parser_(std::make_unique<csv_parser>()),
      line_(dialect.header_line) {
  csv_init(parser_.get(), 0);  // lenient: a stray quote inside a value is kept
  csv_set_delim(parser_.get(), static_cast<unsigned char>(dialect.delimiter));
  // libcsv grows a long value by this much at a time; its default of 128
  // bytes makes a runaway quoted value cost quadratic copying.
  csv_set_blk_size(parser_.get(), 1 << 14);
}

CsvExportReader::~CsvExportReader() {
  csv_free(parser_.get());
  std::fclose(file_);
}

bool CsvExportReader::ReadChunk(std::string* chunk) {
  chunk->resize(kChunkSize);
  chunk->resize(std::fread(chunk->data(), 1, chunk->size(), file_));
  return !chunk->empty();
}

Status CsvExportReader::ReadHeader(std::string first_chunk) {
  pending_ = std::move(first_chunk);
  while (!header_done_) {
    const size_t used = Feed(pending_, /*stop_after_row=*/true);
    pending_.erase(0, used);
    Status size = CheckFieldSize();
    if (!size.ok()) return size;
    if (header_done_) break;
    if (!ReadChunk(&pending_)) {
      Status finished = Finish();
      if (!finished.ok()) return finished;
      if (!header_done_)
        return FileError(display_name_,
                         "is empty; expected a header line "
                         "with the column names");
    }
  }
  std::vector<std::string> header;
  for (const std::string& cell : header_) {
    std::string decoded;
    decoder_.Decode(cell, &decoded);
    header.push_back(std::move(decoded));
  }
  Result<HeaderMapping> mapping = MapHeader(header, display_name_, last_row_end_line_);
  if (!mapping.ok()) return mapping.error();
  mapping_ = std::move(mapping).value();
  return Status::Ok();
}

size_t CsvExportReader::Feed(std::string_view text, bool stop_after_row) {
  size_t position = 0;
  while (position < text.size() && !stopped_) {
    const void* newline = std::memchr(text.data() + position, '\n', text.size() - position);
    const size_t end =
        newline != nullptr ? static_cast<const char*>(newline) - text.data() + 1 : text.size();
    csv_parse(parser_.get(), text.data() + position, end - position, OnField, OnRowEnd, this);
    if (newline != nullptr) ++line_;
    position = end;
    if (stop_after_row && header_done_) break;
    if (csv_get_buffer_size(parser_.get()) > kMaxFieldBytes) break;
  }
  return position;
}

Status CsvExportReader::CheckFieldSize() {
  if (csv_get_buffer_size(parser_.get()) <= kMaxFieldBytes) return Status::Ok();
  return LineError(display_name_, last_row_end_line_ + 1, UnclosedQuoteMessage());
}

Status CsvExportReader::Finish() {
  // libcsv's public parser state: inside a field (2, FIELD_BEGUN) that
  // opened with a quote. At the end of the file that quote never closed.
  constexpr int kFieldBegun = 2;
  if (parser_->pstate == kFieldBegun && parser_->quoted) {
    return LineError(display_name_, last_row_end_line_ + 1, UnclosedQuoteMessage());
  }
  csv_fini(parser_.get(), OnField, OnRowEnd, this);
  return Status::Ok();
}

Status CsvExportReader::ReadRows(const RowCallback& callback) {
  callback_ = &callback;
  std::string chunk = std::move(pending_);
  do {
    Feed(chunk, /*stop_after_row=*/false);
    Status size = CheckFieldSize();
    if (!size.ok()) return size;
    if (stopped_) return Status::Ok();
  } while (ReadChunk(&chunk));
  if (std::ferror(file_)) {
    return LineError(display_name_, line_, std::string("read error: ") + std::strerror(errno));
  }
  return Finish();
}

void CsvExportReader::OnField(void* data, size_t length, void* self) {
  auto* reader = static_cast<CsvExportReader*>(self);
  if (reader->cell_count_ == reader->raw_cells_.size()) reader->raw_cells_.emplace_back();
  reader->raw_cells_[reader->cell_count_++].assign(static_cast<const char*>(data), length);
}

void CsvExportReader::OnRowEnd(int, void* self) {
  auto* reader = static_cast<CsvExportReader*>(self);
  reader->HandleRow();
  reader->cell_count_ = 0;
}

void CsvExportReader::HandleRow() {
  int line_breaks = 0;
  bool blank = true;
  for (size_t i = 0; i < cell_count_; ++i) {
    for (char c : raw_cells_[i]) {
      line_breaks += c == '\n';
      blank = blank && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
    }
  }
  // A row ends on the line being fed; it started as many lines earlier as
  // its quoted values hold line breaks.
  row_.line = line_ - line_breaks;
  last_row_end_line_ = line_;
  if (!header_done_) {
    header_.assign(raw_cells_.begin(), raw_cells_.begin() + cell_count_);
    last_row_end_line_ = row_.line;
    header_done_ = true;
    return;
  }
  if (blank || stopped_ || callback_ == nullptr) return;  // Excel's ";;;;" rows are empty too
  FillRow();
  if (!(*callback_)(row_, cells_)) stopped_ = true;
}

void CsvExportReader::FillRow() {
  const int line = row_.line;
  row_.Clear();
  row_.line = line;
  cells_.resize(cell_count_);
  const size_t columns = mapping_.field_of_column.size();
  for (size_t i = 0; i < cell_count_; ++i) {
    if (!decoder_.Decode(raw_cells_[i], &cells_[i])) {
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
  size_t filled = cell_count_;
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
