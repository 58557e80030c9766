#include "tests/architecture/include_edge_check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBlockStart = "```allowed-includes";
constexpr const char* kBlockEnd = "```";

std::string Trim(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const size_t last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    item = Trim(item);
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

Result<FolderRule> ParseRuleLine(const std::string& line, const std::string& file_name,
                                 int line_number) {
  const size_t colon = line.find(':');
  if (colon == std::string::npos) {
    return LineError(file_name, line_number,
                     "expected `folder: allowed, allowed`, got \"" + line + "\"");
  }
  FolderRule rule;
  rule.folder = Trim(line.substr(0, colon));
  if (rule.folder.empty() || rule.folder.find_first_of(" \t") != std::string::npos) {
    return LineError(file_name, line_number, "\"" + rule.folder + "\" is not a folder name");
  }
  rule.allowed = SplitList(line.substr(colon + 1));
  rule.anything = std::find(rule.allowed.begin(), rule.allowed.end(), "*") != rule.allowed.end();
  return rule;
}

bool HasRule(const std::vector<FolderRule>& rules, const std::string& folder) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const FolderRule& rule) { return rule.folder == folder; });
}

// The table folder `path` belongs to: the longest one that is `path` itself or
// a parent of it, so classifier/io/x.h belongs to classifier/io, not classifier.
const FolderRule* OwningRule(const std::vector<FolderRule>& rules, const std::string& path) {
  const FolderRule* owner = nullptr;
  for (const FolderRule& rule : rules) {
    const bool inside = path == rule.folder || path.rfind(rule.folder + "/", 0) == 0;
    if (inside && (owner == nullptr || rule.folder.size() > owner->folder.size())) owner = &rule;
  }
  return owner;
}

// Names in the table that are not folders: the third-party libraries whose
// headers are checked.
std::vector<std::string> LibraryNames(const std::vector<FolderRule>& rules) {
  std::vector<std::string> libraries;
  for (const FolderRule& rule : rules) {
    for (const std::string& name : rule.allowed) {
      if (name != "*" && !HasRule(rules, name) &&
          std::find(libraries.begin(), libraries.end(), name) == libraries.end()) {
        libraries.push_back(name);
      }
    }
  }
  return libraries;
}

struct IncludeTarget {
  std::string name;  // a table folder or a library; empty when not checked
};

IncludeTarget TargetOf(const std::vector<FolderRule>& rules,
                       const std::vector<std::string>& libraries, const std::string& included) {
  if (const FolderRule* folder = OwningRule(rules, included)) return {folder->folder};
  const std::string first = included.substr(0, included.find('/'));
  if (std::find(libraries.begin(), libraries.end(), first) != libraries.end()) return {first};
  return {};
}

bool Allows(const FolderRule& rule, const std::string& target) {
  return rule.anything || target == rule.folder ||
         std::find(rule.allowed.begin(), rule.allowed.end(), target) != rule.allowed.end();
}

std::string AllowedList(const FolderRule& rule) {
  if (rule.allowed.empty()) return "nothing but its own headers";
  std::string list;
  for (const std::string& name : rule.allowed) list += (list.empty() ? "" : ", ") + name;
  return list;
}

void CheckFile(const fs::path& root, const std::string& relative, const FolderRule& owner,
               const std::vector<FolderRule>& rules, const std::vector<std::string>& libraries,
               std::vector<std::string>* forbidden) {
  static const std::regex kInclude(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::ifstream in(root / relative, std::ios::binary);
  std::string line;
  std::smatch match;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!std::regex_search(line, match, kInclude)) continue;
    const std::string included = match[2];
    const IncludeTarget target = TargetOf(rules, libraries, included);
    if (target.name.empty() || Allows(owner, target.name)) continue;
    const std::string spelled = match[1] == "<" ? "<" + included + ">" : "\"" + included + "\"";
    forbidden->push_back(relative + ":" + std::to_string(number) + ": " + owner.folder +
                         " may not include " + target.name + " (" + spelled +
                         "); allowed: " + AllowedList(owner));
  }
}

bool IsSource(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".h" || extension == ".cc" || extension == ".in";
}

// Every source file below the table's top-level folders, relative to root,
// sorted so the messages come in a stable order.
Result<std::vector<std::string>> SourceFiles(const fs::path& root,
                                             const std::vector<FolderRule>& rules) {
  std::vector<std::string> files;
  for (const FolderRule& rule : rules) {
    const fs::path top = root / rule.folder.substr(0, rule.folder.find('/'));
    if (rule.folder.find('/') != std::string::npos || !fs::is_directory(top)) continue;
    std::error_code error;
    for (fs::recursive_directory_iterator it(top, error), end; !error && it != end;
         it.increment(error)) {
      if (it->is_regular_file() && IsSource(it->path())) {
        files.push_back(fs::relative(it->path(), root).generic_string());
      }
    }
    if (error) return FileError(top.string(), "cannot be read: " + error.message());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void CheckTopLevelFolders(const fs::path& root, const std::vector<FolderRule>& rules,
                          std::vector<std::string>* forbidden) {
  std::vector<std::string> missing;
  for (const fs::directory_entry& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && fs::exists(entry.path() / "CMakeLists.txt") &&
        !HasRule(rules, name)) {
      missing.push_back(name);
    }
  }
  std::sort(missing.begin(), missing.end());
  for (const std::string& name : missing) {
    forbidden->push_back(name + "/: a folder with a CMakeLists.txt has no line in the " +
                         "allowed-includes table");
  }
}

}  // namespace

Result<std::vector<FolderRule>> ParseFolderRules(const std::string& markdown,
                                                 const std::string& file_name) {
  std::istringstream in(markdown);
  std::string line;
  bool inside = false;
  std::vector<FolderRule> rules;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string text = Trim(line);
    if (!inside) {
      inside = text == kBlockStart;
      continue;
    }
    if (text == kBlockEnd) return rules;
    if (text.empty() || text[0] == '#') continue;
    Result<FolderRule> rule = ParseRuleLine(text, file_name, number);
    if (!rule.ok()) return rule.error();
    if (HasRule(rules, rule.value().folder)) {
      return LineError(file_name, number, "\"" + rule.value().folder + "\" has a line already");
    }
    rules.push_back(std::move(rule).value());
  }
  if (!inside) return FileError(file_name, std::string("has no ") + kBlockStart + " block");
  return FileError(file_name, std::string("the ") + kBlockStart + " block is not closed");
}

Result<std::vector<std::string>> FindForbiddenIncludes(const std::string& root,
                                                       const std::vector<FolderRule>& rules) {
  if (!fs::is_directory(root)) return FileError(root, "is not a folder");
  Result<std::vector<std::string>> files = SourceFiles(root, rules);
  if (!files.ok()) return files.error();
  const std::vector<std::string> libraries = LibraryNames(rules);
  std::vector<std::string> forbidden;
  for (const std::string& file : files.value()) {
    if (const FolderRule* owner = OwningRule(rules, file)) {
      CheckFile(root, file, *owner, rules, libraries, &forbidden);
    }
  }
  CheckTopLevelFolders(root, rules, &forbidden);
  return forbidden;
}

}  // namespace clusterpilot
