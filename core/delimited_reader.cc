#include "core/delimited_reader.h"

#include <csv.h>

#include <algorithm>

#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

// libcsv's public parser states.
constexpr int kRowNotBegun = 0;
constexpr int kFieldBegun = 2;

constexpr size_t kMaxPieceBytes = size_t{64} * 1024;

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string SizeText(size_t bytes) {
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string LineEndCounts::Describe() const {
  std::string text;
  auto add = [&](int64_t count, const char* name) {
    if (count == 0) return;
    text += (text.empty() ? "" : ", ") + std::to_string(count) + " " + name;
  };
  add(lf, "LF");
  add(crlf, "CRLF");
  add(cr, "CR");
  return text.empty() ? "none" : text;
}

DelimitedReader::DelimitedReader(std::string display_name, char delimiter, int first_line)
    : display_name_(std::move(display_name)),
      parser_(std::make_unique<csv_parser>()),
      line_(first_line),
      row_line_(first_line) {
  csv_init(parser_.get(), 0);  // lenient: a stray quote inside a value is kept
  csv_set_delim(parser_.get(), static_cast<unsigned char>(delimiter));
  // libcsv grows a long value by this much at a time; its default of 128
  // bytes makes a long value cost quadratic copying.
  csv_set_blk_size(parser_.get(), 1 << 14);
}

DelimitedReader::~DelimitedReader() { csv_free(parser_.get()); }

// Hands libcsv one piece that holds at most one line end, at its end, so
// every row knows the line it starts on. libcsv itself ends a row at CR or
// LF outside quotes and skips the empty row between CR and LF.
void DelimitedReader::Parse(std::string_view bytes) {
  if (parser_->pstate == kRowNotBegun) row_line_ = line_;
  csv_parse(parser_.get(), bytes.data(), bytes.size(), OnField, OnRowEnd, this);
}

Status DelimitedReader::Feed(std::string_view bytes, const RowCallback& on_row, size_t* used) {
  on_row_ = &on_row;
  stopped_ = false;
  size_t position = 0;
  while (position < bytes.size() && !stopped_ && !failed_) {
    if (after_cr_ && bytes[position] == '\n') {
      // The LF of a CRLF whose CR ended the previous piece: same line end.
      --line_ends_.cr;
      ++line_ends_.crlf;
      after_cr_ = false;
      Parse(bytes.substr(position, 1));
      ++position;
      continue;
    }
    after_cr_ = false;
    // A line without an end is fed in bounded pieces, so a runaway value is
    // caught before it fills memory.
    const size_t stop = std::min(bytes.size(), position + kMaxPieceBytes);
    size_t end = position;
    while (end < stop && bytes[end] != '\n' && bytes[end] != '\r') ++end;
    if (end == stop) {
      Parse(bytes.substr(position, end - position));
      position = end;
    } else {
      Parse(bytes.substr(position, end + 1 - position));
      ++line_;
      after_cr_ = bytes[end] == '\r';
      ++(after_cr_ ? line_ends_.cr : line_ends_.lf);
      position = end + 1;
    }
    Status size = CheckValueSize();
    if (!size.ok()) return size;
  }
  if (used != nullptr) *used = position;
  return Status::Ok();
}

// A value still growing past the limit, or one that ended past it within
// the last piece (OnField saw it).
Status DelimitedReader::CheckValueSize() {
  if (!too_long_ && parser_->entry_pos > kMaxValueBytes) {
    too_long_ = TooLong(cell_count_, parser_->quoted != 0);
  }
  if (!too_long_) return Status::Ok();
  failed_ = true;
  return *too_long_;
}

Error DelimitedReader::TooLong(size_t column, bool quoted) const {
  const std::string limit = "longer than " + SizeText(kMaxValueBytes) + ", the limit for any value";
  if (quoted) {
    return ErrorAtRow(ColumnName(column), "a quoted value starting on this line is " + limit +
                                              "; is its closing quote (\") missing?");
  }
  return ErrorAtRow(ColumnName(column), "the value is " + limit);
}

Status DelimitedReader::Finish(const RowCallback& on_row) {
  on_row_ = &on_row;
  if (failed_ || stopped_) return Status::Ok();
  // Inside a field that opened with a quote: at the end of the file that
  // quote never closed.
  if (parser_->pstate == kFieldBegun && parser_->quoted) {
    failed_ = true;
    return ErrorAtRow("",
                      "a quoted value starting on this line has no closing quote (\"); the rest "
                      "of the file cannot be read");
  }
  csv_fini(parser_.get(), OnField, OnRowEnd, this);
  return Status::Ok();
}

Error DelimitedReader::ErrorAtRow(std::string field, std::string message) const {
  Error error;
  error.file = display_name_;
  error.line = row_line_;
  error.field = std::move(field);
  error.message = std::move(message);
  return error;
}

std::string DelimitedReader::ColumnName(size_t index) const {
  if (index < column_names_.size() && !column_names_[index].empty()) {
    return "column \"" + column_names_[index] + "\"";
  }
  return "column " + std::to_string(index + 1);
}

void DelimitedReader::OnField(void* data, size_t length, void* self) {
  auto* reader = static_cast<DelimitedReader*>(self);
  if (length > kMaxValueBytes && !reader->too_long_) {
    reader->too_long_ = reader->TooLong(reader->cell_count_, reader->parser_->quoted != 0);
  }
  if (reader->cell_count_ == reader->cells_.size()) reader->cells_.emplace_back();
  reader->cells_[reader->cell_count_++].assign(static_cast<const char*>(data), length);
}

void DelimitedReader::OnRowEnd(int, void* self) {
  auto* reader = static_cast<DelimitedReader*>(self);
  const size_t count = reader->cell_count_;
  reader->cell_count_ = 0;
  if (reader->stopped_ || reader->too_long_) return;
  reader->cells_.resize(count);
  if (std::all_of(reader->cells_.begin(), reader->cells_.end(), IsBlank)) return;
  if (!(*reader->on_row_)(reader->row_line_, reader->cells_)) reader->stopped_ = true;
}

Result<std::vector<DelimitedRow>> ReadDelimitedText(std::string_view text, char delimiter,
                                                    const std::string& display_name) {
  if (text.starts_with(kUtf8ByteOrderMark)) text.remove_prefix(kUtf8ByteOrderMark.size());
  std::vector<DelimitedRow> rows;
  DelimitedReader reader(display_name, delimiter);
  const DelimitedReader::RowCallback keep = [&](int line, const std::vector<std::string>& cells) {
    rows.push_back(DelimitedRow{line, cells});
    return true;
  };
  Status read = reader.Feed(text, keep);
  if (!read.ok()) return read.error();
  Status finished = reader.Finish(keep);
  if (!finished.ok()) return finished.error();
  return rows;
}

}  // namespace clusterpilot
