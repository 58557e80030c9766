// CSV as Dutch Excel opens it with a double click, and as Excel cannot be
// made to execute: every CSV file the tool writes is built here.
//   - UTF-8 with a byte-order mark, so Excel shows accents right;
//   - ';' between cells (a caller may keep another delimiter, e.g. a reject
//     file keeps its input's), a decimal comma in numbers;
//   - RFC 4180 quoting: a cell holding the delimiter, '"', CR or LF is quoted
//     and its quotes doubled;
//   - formula neutralising as OWASP advises ("CSV Injection"): a text cell
//     that starts with = + - @ tab or CR gets a leading ', so Excel shows it
//     as text instead of evaluating it. Numbers are typed as numbers and stay
//     numbers, negative amounts included. Readers undo it with
//     UndoFormulaNeutralising.
#ifndef CLUSTERPILOT_CORE_DUTCH_CSV_WRITER_H_
#define CLUSTERPILOT_CORE_DUTCH_CSV_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace clusterpilot {

// The byte-order mark that tells Excel a file is UTF-8; the only spelling of
// it in the code base.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Builds CSV text line by line in memory; the caller writes text() where it
// wants (a file, a stream) and may Clear() to reuse the buffer. Not
// thread-safe; cheap to create.
class DutchCsvWriter {
 public:
  explicit DutchCsvWriter(char delimiter = ';', std::string_view line_end = "\r\n");

  // Appends kUtf8ByteOrderMark; call first.
  DutchCsvWriter& ByteOrderMark();

  // A text cell: neutralised, then quoted if needed.
  DutchCsvWriter& Text(std::string_view text);
  // A whole number: "-1234".
  DutchCsvWriter& Integer(int64_t value);
  // An amount in cents as euros: "-12,50".
  DutchCsvWriter& Cents(int64_t cents);
  // A decimal with `decimals` digits after the comma: "0,9865"; never "-0,0".
  DutchCsvWriter& Decimal(double value, int decimals);
  // An empty cell.
  DutchCsvWriter& Empty();
  // Text already written by this class (e.g. a row kept from an earlier
  // line), appended as one or more cells without change.
  DutchCsvWriter& Written(std::string_view cells);

  // Ends the line (the next cell starts a new one).
  DutchCsvWriter& EndLine();

  const std::string& text() const { return text_; }
  std::string Take();
  void Clear();

 private:
  void StartCell();

  char delimiter_;
  std::string line_end_;
  std::string text_;
  bool line_started_ = false;
};

// Appends one text cell (neutralised and quoted as above) to *out without a
// delimiter: for hot loops that reuse their own buffer.
void AppendCsvText(std::string_view text, char delimiter, std::string* out);

// OWASP's neutralising: "'" + text when text starts with = + - @ tab or CR.
// Also when it starts with "'" followed (after more "'") by one of those, so
// that UndoFormulaNeutralising gives back exactly what was written.
std::string NeutraliseFormula(std::string_view text);

// The inverse, for readers of the files this tool wrote (a reject file read
// back): strips one leading "'" when the rest starts, after any further "'",
// with = + - @ tab or CR; returns other text unchanged.
std::string_view UndoFormulaNeutralising(std::string_view cell);

// Numbers without thousands separators, as Dutch Excel reads them as
// numbers: "-1234,56" for cents, "12,3" for FormatPlainDecimal(12.3, 1).
std::string FormatPlainCents(int64_t cents);
std::string FormatPlainDecimal(double value, int decimals);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_DUTCH_CSV_WRITER_H_
