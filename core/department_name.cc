#include "core/department_name.h"

#include <array>

namespace clusterpilot {
namespace {

// What each of U+00C0..U+00FF folds to; "" keeps the character (× and ÷).
constexpr std::array<const char*, 64> kLatin1Folded = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

std::string_view TrimmedSpaces(std::string_view name) {
  const size_t first = name.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return name.substr(first, name.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string FoldedDepartmentName(std::string_view name) {
  const std::string_view text = TrimmedSpaces(name);
  std::string folded;
  folded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // U+00C0..U+00FF is 0xC3 0x80..0xBF in UTF-8.
    if (byte == 0xC3 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const char* replacement = next >= 0x80 && next <= 0xBF ? kLatin1Folded[next - 0x80] : "";
      if (*replacement != '\0') {
        folded += replacement;
        ++i;
        continue;
      }
    }
    folded += byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : text[i];
  }
  return folded;
}

std::optional<std::string> MatchDepartment(std::string_view typed,
                                           const std::set<std::string>& known) {
  if (known.count(std::string(typed)) > 0) return std::string(typed);
  const std::string folded = FoldedDepartmentName(typed);
  for (const std::string& name : known) {
    if (FoldedDepartmentName(name) == folded) return name;
  }
  return std::nullopt;
}

std::string DepartmentList(const std::set<std::string>& known, size_t limit) {
  std::string list;
  size_t named = 0;
  for (const std::string& department : known) {
    if (named == limit) return list + ", ...";
    list += (named++ == 0 ? "" : ", ") + department;
  }
  return list;
}

}  // namespace clusterpilot
