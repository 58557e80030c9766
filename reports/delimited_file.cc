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
    // ASCII, nearly all of a revenue file, needs no decoding.
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
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

// Every row of `text` that is not a comment, trimmed into `row` (whose
// cells keep their capacity from row to row) and handed to `each`.
Status ForEachRow(const std::string& path, std::string_view text, const DataRowCallback& each) {
  DelimitedRow row;
  Status refused = Status::Ok();
  DelimitedReader reader(path, ';');
  const DelimitedReader::RowCallback trim = [&](int line, const std::vector<std::string>& cells) {
    if (!cells.empty() && TrimCell(cells[0]).starts_with('#')) return true;
    row.line = line;
    row.cells.resize(cells.size());
    for (size_t i = 0; i < cells.size(); ++i) row.cells[i].assign(TrimCell(cells[i]));
    refused = each(row);
    return refused.ok();
  };
  Status read = reader.Feed(text, trim);
  if (read.ok() && refused.ok()) read = reader.Finish(trim);
  if (!refused.ok()) return refused;
  return read;
}

}  // namespace

Status ForEachDataRow(const std::string& path, const std::vector<std::string>& header,
                      const DataRowCallback& each) {
  Result<std::string> text = ReadAsUtf8(path);
  if (!text.ok()) return text.error();
  bool header_seen = false;
  Status read = ForEachRow(path, text.value(), [&](const DelimitedRow& row) {
    if (header_seen) return each(row);
    header_seen = true;
    return CheckHeader(path, row, header);
  });
  if (!read.ok()) return read;
  if (!header_seen) {
    return FileError(path, "the file is empty; expected the header " + JoinHeader(header));
  }
  return Status::Ok();
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
