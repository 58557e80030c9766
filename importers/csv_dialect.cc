#include "importers/csv_dialect.h"

#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

// The header line up to (not including) its line break; line breaks inside
// quotes belong to the line.
std::string_view FirstLine(std::string_view text) {
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && (text[i] == '\n' || text[i] == '\r')) return text.substr(0, i);
  }
  return text;
}

size_t LineBreakLength(std::string_view text, size_t at) {
  if (at < text.size() && text[at] == '\r')
    return at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
  return at < text.size() && text[at] == '\n' ? 1 : 0;
}

char MostFrequentDelimiter(std::string_view line) {
  int semicolons = 0;
  int commas = 0;
  int tabs = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    semicolons += c == ';';
    commas += c == ',';
    tabs += c == '\t';
  }
  if (semicolons >= commas && semicolons >= tabs) return ';';
  return commas >= tabs ? ',' : '\t';
}

}  // namespace

std::string CsvDialect::DelimiterName() const {
  if (delimiter == '\t') return "tab";
  return std::string("'") + delimiter + "'";
}

CsvDialect DetectCsvDialect(std::string_view start) {
  CsvDialect dialect;
  if (start.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
    dialect.byte_order_mark = true;
    dialect.header_offset = kUtf8ByteOrderMark.size();
  }
  std::string_view line = FirstLine(start.substr(dialect.header_offset));
  // Excel writes and honours "sep=;" as a first line naming the delimiter.
  if (line.size() == 5 && (line.substr(0, 4) == "sep=" || line.substr(0, 4) == "SEP=")) {
    dialect.delimiter = line[4];
    dialect.header_offset +=
        line.size() + LineBreakLength(start, dialect.header_offset + line.size());
    dialect.header_line = 2;
    return dialect;
  }
  dialect.delimiter = MostFrequentDelimiter(line);
  return dialect;
}

}  // namespace clusterpilot
