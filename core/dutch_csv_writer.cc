#include "core/dutch_csv_writer.h"

#include <cstdio>

#include "core/decimal_rounding.h"

namespace clusterpilot {
namespace {

bool IsFormulaStart(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// True when Excel could read `text` as a formula, or when it looks like a
// neutralised one: "'"* followed by a formula start.
bool NeedsNeutralising(std::string_view text) {
  const size_t first = text.find_first_not_of('\'');
  return first != std::string_view::npos && IsFormulaStart(text[first]);
}

bool NeedsQuotes(std::string_view text, char delimiter) {
  for (char c : text) {
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

}  // namespace

DutchCsvWriter::DutchCsvWriter(char delimiter, std::string_view line_end)
    : delimiter_(delimiter), line_end_(line_end) {}

DutchCsvWriter& DutchCsvWriter::ByteOrderMark() {
  text_ += kUtf8ByteOrderMark;
  return *this;
}

void DutchCsvWriter::StartCell() {
  if (line_started_) text_ += delimiter_;
  line_started_ = true;
}

DutchCsvWriter& DutchCsvWriter::Text(std::string_view text) {
  StartCell();
  AppendCsvText(text, delimiter_, &text_);
  return *this;
}

DutchCsvWriter& DutchCsvWriter::Integer(int64_t value) {
  StartCell();
  text_ += std::to_string(value);
  return *this;
}

DutchCsvWriter& DutchCsvWriter::Cents(int64_t cents) {
  StartCell();
  text_ += FormatPlainCents(cents);
  return *this;
}

DutchCsvWriter& DutchCsvWriter::Decimal(double value, int decimals) {
  StartCell();
  text_ += FormatPlainDecimal(value, decimals);
  return *this;
}

DutchCsvWriter& DutchCsvWriter::Empty() {
  StartCell();
  return *this;
}

DutchCsvWriter& DutchCsvWriter::Written(std::string_view cells) {
  StartCell();
  text_ += cells;
  return *this;
}

DutchCsvWriter& DutchCsvWriter::EndLine() {
  text_ += line_end_;
  line_started_ = false;
  return *this;
}

std::string DutchCsvWriter::Take() {
  std::string taken = std::move(text_);
  Clear();
  return taken;
}

void DutchCsvWriter::Clear() {
  text_.clear();
  line_started_ = false;
}

void AppendCsvText(std::string_view text, char delimiter, std::string* out) {
  const bool neutralise = NeedsNeutralising(text);
  if (!neutralise && !NeedsQuotes(text, delimiter)) {
    *out += text;
    return;
  }
  const std::string cell = neutralise ? NeutraliseFormula(text) : std::string(text);
  if (!NeedsQuotes(cell, delimiter)) {
    *out += cell;
    return;
  }
  *out += '"';
  for (char c : cell) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::string NeutraliseFormula(std::string_view text) {
  if (!NeedsNeutralising(text)) return std::string(text);
  return "'" + std::string(text);
}

std::string_view UndoFormulaNeutralising(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && NeedsNeutralising(cell.substr(1))) {
    return cell.substr(1);
  }
  return cell;
}

std::string FormatPlainCents(int64_t cents) {
  const bool negative = cents < 0;
  const uint64_t magnitude =
      negative ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s%llu,%02u", negative ? "-" : "",
                static_cast<unsigned long long>(magnitude / 100),
                static_cast<unsigned>(magnitude % 100));
  return buffer;
}

std::string FormatPlainDecimal(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, RoundHalfAwayFromZero(value, decimals));
  std::string text = buffer;
  if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);  // no "-0,0"
  }
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text;
}

}  // namespace clusterpilot
