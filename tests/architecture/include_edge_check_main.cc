// include_edge_check SOURCE_ROOT: checks every #include under SOURCE_ROOT
// against the allowed-includes table of SOURCE_ROOT/docs/architecture.md.
// Exit 0 when the tree keeps the table, 1 with one line per forbidden edge,
// 2 when the table or the tree cannot be read.
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>

#include "tests/architecture/include_edge_check.h"

namespace {

int Fail(const clusterpilot::Error& error) {
  std::fprintf(stderr, "include_edge_check: %s\n", error.ToString().c_str());
  return 2;
}

int Check(const std::string& root) {
  const std::string table_file = root + "/docs/architecture.md";
  std::ifstream in(table_file, std::ios::binary);
  if (!in) return Fail(clusterpilot::FileError(table_file, "cannot be read"));
  std::ostringstream markdown;
  markdown << in.rdbuf();
  const auto rules = clusterpilot::ParseFolderRules(markdown.str(), table_file);
  if (!rules.ok()) return Fail(rules.error());
  const auto forbidden = clusterpilot::FindForbiddenIncludes(root, rules.value());
  if (!forbidden.ok()) return Fail(forbidden.error());
  for (const std::string& message : forbidden.value()) std::printf("%s\n", message.c_str());
  if (!forbidden.value().empty()) {
    std::printf("%zu forbidden include edge(s); the allowed table is in %s\n",
                forbidden.value().size(), table_file.c_str());
    return 1;
  }
  std::printf("every #include keeps the table in %s\n", table_file.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: include_edge_check SOURCE_ROOT\n");
    return 2;
  }
  try {
    return Check(argv[1]);
  } catch (const std::exception& e) {  // std::filesystem throws on an unreadable folder
    return Fail(clusterpilot::FileError(argv[1], std::string("cannot be read: ") + e.what()));
  }
}
