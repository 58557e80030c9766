#include "reports/delimited_file.h"

#include <Poco/Exception.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "core/delimited_reader.h"
#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

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
  if (raw.starts_with(kUtf8ByteOrderMark)) return raw.substr(kUtf8ByteOrderMark.size());
  if (IsValidUtf8(raw)) return raw;
  Poco::Windows1252Encoding windows1252;
  Poco::UTF8Encoding utf8;
  Poco::TextConverter converter(windows1252, utf8);
  std::string converted;
  converter.convert(raw, converted);
  return converted;
}

std::string_view TrimCell(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t' || cell.back() == '\r')) {
    cell.remove_suffix(1);
  }
  return cell;
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
  Result<std::vector<DelimitedRow>> rows = ReadDelimitedText(text, ';', path);
  if (!rows.ok()) return rows.error();
  std::vector<DelimitedRow> kept;
  for (DelimitedRow& row : rows.value()) {
    for (std::string& cell : row.cells) cell = std::string(TrimCell(cell));
    if (!row.cells.empty() && row.cells[0].starts_with('#')) continue;
    kept.push_back(std::move(row));
  }
  return kept;
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
