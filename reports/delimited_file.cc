#include "reports/delimited_file.h"

#include <Poco/Exception.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>
#include <csv.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace clusterpilot {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsValidUtf8(const std::string& text) {
  Poco::UTF8Encoding utf8;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    const int length = utf8.sequenceLength(bytes + i, static_cast<int>(text.size() - i));
    if (length <= 0 || i + length > text.size() || !utf8.isLegal(bytes + i, length)) return false;
    i += static_cast<size_t>(length);
  }
  return true;
}

std::string ToUtf8(const std::string& raw) {
  if (raw.starts_with(kByteOrderMark)) return raw.substr(kByteOrderMark.size());
  if (IsValidUtf8(raw)) return raw;
  Poco::Windows1252Encoding windows1252;
  Poco::UTF8Encoding utf8;
  Poco::TextConverter converter(windows1252, utf8);
  std::string converted;
  converter.convert(raw, converted);
  return converted;
}

std::string TrimCell(const char* data, size_t size) {
  std::string_view cell(data, size);
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t' || cell.back() == '\r')) {
    cell.remove_suffix(1);
  }
  return std::string(cell);
}

struct ParseState {
  int current_line = 1;
  DelimitedRow row;
  std::vector<DelimitedRow> rows;
};

void OnField(void* data, size_t size, void* state_pointer) {
  auto* state = static_cast<ParseState*>(state_pointer);
  if (state->row.cells.empty()) state->row.line = state->current_line;
  state->row.cells.push_back(TrimCell(static_cast<const char*>(data), size));
}

void OnRowEnd(int, void* state_pointer) {
  auto* state = static_cast<ParseState*>(state_pointer);
  const bool blank = std::all_of(state->row.cells.begin(), state->row.cells.end(),
                                 [](const std::string& cell) { return cell.empty(); });
  const bool comment = !state->row.cells.empty() && state->row.cells[0].starts_with('#');
  if (!blank && !comment) state->rows.push_back(std::move(state->row));
  state->row = DelimitedRow();
}

std::string Folded(const std::string& text) {
  std::string folded;
  for (unsigned char c : text) folded += static_cast<char>(std::tolower(c));
  return folded;
}

}  // namespace

Result<std::vector<DelimitedRow>> ReadDelimitedFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return FileError(path, "cannot be read (does the file exist?)");
  std::stringstream raw;
  raw << file.rdbuf();
  std::string text;
  try {
    text = ToUtf8(raw.str());
  } catch (const Poco::Exception& e) {
    return FileError(path, "cannot be read as text: " + e.displayText());
  }
  csv_parser parser;
  csv_init(&parser, CSV_APPEND_NULL);
  csv_set_delim(&parser, ';');
  ParseState state;
  std::istringstream lines(text);
  std::string line;
  bool parsed = true;
  while (parsed && std::getline(lines, line)) {
    line += '\n';
    parsed = csv_parse(&parser, line.data(), line.size(), OnField, OnRowEnd, &state) == line.size();
    ++state.current_line;
  }
  parsed = parsed && csv_fini(&parser, OnField, OnRowEnd, &state) == 0;
  const std::string problem = csv_strerror(csv_error(&parser));
  csv_free(&parser);
  if (!parsed) {
    return LineError(path, state.current_line - 1, "cannot be read as CSV: " + problem);
  }
  return std::move(state.rows);
}

Status CheckHeader(const std::string& path, const DelimitedRow& header,
                   const std::vector<std::string>& expected) {
  bool matches = header.cells.size() == expected.size();
  for (size_t i = 0; matches && i < expected.size(); ++i) {
    matches = Folded(header.cells[i]) == expected[i];
  }
  if (matches) return Status::Ok();
  return LineError(
      path, header.line,
      "the first line must be the header " + JoinHeader(expected) + " (columns separated by ;)");
}

std::string JoinHeader(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ";") + name;
  return joined;
}

}  // namespace clusterpilot
