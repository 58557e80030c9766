#include "core/column_aliases.h"

namespace clusterpilot {
namespace {

// Base letters of U+00C0..U+00FF (the accented letters of Western European
// languages); ' ' for the two signs, which folding then drops.
constexpr char kLatin1Base[65] =
    "aaaaaaaceeeeiiiidnooooo ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo ouuuuyty";

bool IsContinuation(unsigned char c) { return c >= 0x80 && c <= 0xBF; }

void AppendFolded(char c, std::string* folded) {
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) *folded += c;
}

}  // namespace

std::string FoldColumnName(std::string_view name) {
  std::string folded;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size() && IsContinuation(name[i + 1])) {
      AppendFolded(kLatin1Base[static_cast<unsigned char>(name[++i]) - 0x80], &folded);
    } else if (c >= 0xC0) {  // Windows-1252: one byte per accented letter
      AppendFolded(kLatin1Base[c - 0xC0], &folded);
    } else {
      AppendFolded(static_cast<char>(c), &folded);
    }
  }
  return folded;
}

ColumnMatch MatchColumns(const std::vector<std::string>& header,
                         const std::vector<ColumnAlias>& aliases, int key_count) {
  ColumnMatch match;
  match.column_of_key.assign(static_cast<size_t>(key_count), kUnknownColumn);
  for (size_t column = 0; column < header.size(); ++column) {
    const std::string folded = FoldColumnName(header[column]);
    int key = kUnknownColumn;
    for (const ColumnAlias& alias : aliases) {
      if (alias.folded == folded) {
        key = alias.key;
        break;
      }
    }
    match.key_of_column.push_back(key);
    if (key == kUnknownColumn) continue;
    int& first = match.column_of_key[static_cast<size_t>(key)];
    if (first == kUnknownColumn) {
      first = static_cast<int>(column);
    } else if (!match.duplicate) {
      match.duplicate = {static_cast<size_t>(first), column};
    }
  }
  return match;
}

}  // namespace clusterpilot
