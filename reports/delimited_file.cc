#include "reports/delimited_file.h"

#include <Poco/Exception.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

#include <algorithm>
#include <cctype>
#include <fstream>

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

std::string ToUtf8(std::string raw) {
  if (raw.starts_with(kUtf8ByteOrderMark)) {
    raw.erase(0, kUtf8ByteOrderMark.size());
    return raw;
  }
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

// The whole file as UTF-8, read in one piece (a revenue file of 250,000
// rows is some 9 MB).
Result<std::string> ReadAsUtf8(const std::string& path) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) return FileError(path, "cannot be read (does the file exist?)");
  std::string raw(static_cast<size_t>(std::max<std::streamoff>(file.tellg(), 0)), '\0');
  file.seekg(0);
  if (!file.read(raw.data(), static_cast<std::streamsize>(raw.size()))) {
    return FileError(path, "cannot be read (does the file exist?)");
  }
  try {
    return ToUtf8(std::move(raw));
  } catch (const Poco::Exception& e) {
    return FileError(path, "cannot be read as text: " + e.displayText());
  }
}

}  // namespace

Result<std::vector<DelimitedRow>> ReadDelimitedFile(const std::string& path) {
  Result<std::string> text = ReadAsUtf8(path);
  if (!text.ok()) return text.error();
  // Each row is trimmed as the reader hands it over: one copy of the cells,
  // not a second pass over all of them.
  std::vector<DelimitedRow> rows;
  rows.reserve(static_cast<size_t>(std::count(text.value().begin(), text.value().end(), '\n')) + 1);
  DelimitedReader reader(path, ';');
  const DelimitedReader::RowCallback keep = [&rows](int line,
                                                    const std::vector<std::string>& cells) {
    if (!cells.empty() && TrimCell(cells[0]).starts_with('#')) return true;
    DelimitedRow& row = rows.emplace_back();
    row.line = line;
    row.cells.reserve(cells.size());
    for (const std::string& cell : cells) row.cells.emplace_back(TrimCell(cell));
    return true;
  };
  Status read = reader.Feed(text.value(), keep);
  if (!read.ok()) return read.error();
  Status finished = reader.Finish(keep);
  if (!finished.ok()) return finished.error();
  return rows;
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
