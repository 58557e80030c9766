// The one reader of delimited text files (CSV exports, tariff and revenue
// tables, the NZa code lists), over libcsv: RFC 4180 quoting (delimiters,
// doubled quotes and line breaks inside quoted values), and every line end
// in use (LF, CRLF, and the bare CR of Excel for Mac's "CSV (Macintosh)"),
// mixed freely, in the header too. Bytes come in pieces of any size and rows
// go out as they complete, each with the line it starts on, so memory stays
// flat however large the file. Cells are the bytes as written; decoding them
// (UTF-8, Windows-1252) is the caller's business.
#ifndef CLUSTERPILOT_CORE_DELIMITED_READER_H_
#define CLUSTERPILOT_CORE_DELIMITED_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

struct csv_parser;

namespace clusterpilot {

// The longest value any reader keeps, in bytes: far above any real field
// (the longest, an id, is 200 characters), far below what hurts memory.
inline constexpr size_t kMaxValueBytes = size_t{64} * 1024;

// How many lines ended which way: the summary of a file that yields nothing
// names them, because a wrong guess there is the usual cause.
struct LineEndCounts {
  int64_t lf = 0;    // "\n" (Unix, most EPDs)
  int64_t crlf = 0;  // "\r\n" (Windows, Excel)
  int64_t cr = 0;    // "\r" alone (Excel for Mac "CSV (Macintosh)")

  // "3 LF, 1 CR" or "none".
  std::string Describe() const;
};

// One row of a small table read whole: the line it starts on and its cells.
struct DelimitedRow {
  int line = 0;
  std::vector<std::string> cells;
};

class DelimitedReader {
 public:
  // Called per row that is not blank (a row whose cells hold only spaces,
  // tabs and line breaks, like Excel's ";;;;"): the 1-based line where the
  // row starts and its cells, both valid only during the call. Return false
  // to stop reading (see Feed).
  using RowCallback = std::function<bool(int line, const std::vector<std::string>& cells)>;

  // Messages name the file as `display_name`; `first_line` is the line
  // number of the first byte fed (2 after a skipped "sep=;" line).
  DelimitedReader(std::string display_name, char delimiter, int first_line = 1);
  ~DelimitedReader();
  DelimitedReader(const DelimitedReader&) = delete;
  DelimitedReader& operator=(const DelimitedReader&) = delete;

  // Names the columns for messages ("column \"HV07\""); without names a
  // message says "column 7".
  void SetColumnNames(std::vector<std::string> names) { column_names_ = std::move(names); }

  // Feeds the next bytes of the file, calling `on_row` for each row they
  // complete. When `on_row` returns false, Feed returns at once with *used
  // (if given) set to the bytes consumed; feeding the rest goes on from
  // there. Fails when a value grows past kMaxValueBytes (the message says
  // where it starts and, for a quoted one, that its closing quote may be
  // missing); after a failure further bytes are ignored.
  Status Feed(std::string_view bytes, const RowCallback& on_row, size_t* used = nullptr);

  // The end of the file: delivers a last row that has no line end. Fails
  // when a quoted value is still open.
  Status Finish(const RowCallback& on_row);

  bool stopped() const { return stopped_; }
  const LineEndCounts& line_ends() const { return line_ends_; }
  // The line being read (1 + the line ends seen, counted from first_line).
  int line() const { return line_; }

 private:
  void Parse(std::string_view bytes);
  Status CheckValueSize();
  Error TooLong(size_t column, bool quoted) const;
  Error ErrorAtRow(std::string field, std::string message) const;
  std::string ColumnName(size_t index) const;

  static void OnField(void* data, size_t length, void* self);
  static void OnRowEnd(int terminator, void* self);

  std::string display_name_;
  std::unique_ptr<csv_parser> parser_;
  std::vector<std::string> column_names_;
  std::vector<std::string> cells_;  // reused; only the first cell_count_ are this row's
  size_t cell_count_ = 0;
  int line_ = 1;
  int row_line_ = 1;  // where the row being read started
  bool after_cr_ = false;
  bool stopped_ = false;
  bool failed_ = false;
  std::optional<Error> too_long_;  // the first value over kMaxValueBytes
  LineEndCounts line_ends_;
  const RowCallback* on_row_ = nullptr;
};

// Reads a whole small table (tariffs, revenue, a code list) held in `text`:
// a UTF-8 byte-order mark is skipped, blank rows are left out. Errors name
// `display_name`.
Result<std::vector<DelimitedRow>> ReadDelimitedText(std::string_view text, char delimiter,
                                                    const std::string& display_name);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_DELIMITED_READER_H_
