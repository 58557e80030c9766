#include "tests/architecture/include_edge_check.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

constexpr const char* kTable =
    "# layers\n"
    "\n"
    "```allowed-includes\n"
    "core:\n"
    "# a note\n"
    "store: core, sqlite3.h\n"
    "classifier: core\n"
    "classifier/io: classifier, core, xercesc\n"
    "tests: *\n"
    "```\n";

std::vector<FolderRule> Rules() {
  Result<std::vector<FolderRule>> rules = ParseFolderRules(kTable, "architecture.md");
  EXPECT_TRUE(rules.ok()) << rules.error().ToString();
  return rules.ok() ? rules.value() : std::vector<FolderRule>{};
}

// Writes `content` to root/relative, creating the folders on the way.
void WriteSource(const ScopedTempDir& root, const std::string& relative,
                 const std::string& content) {
  const std::filesystem::path path = std::filesystem::path(root.path()) / relative;
  std::filesystem::create_directories(path.parent_path());
  WriteFile(path.string(), content);
}

std::vector<std::string> Forbidden(const ScopedTempDir& root) {
  Result<std::vector<std::string>> forbidden = FindForbiddenIncludes(root.path(), Rules());
  EXPECT_TRUE(forbidden.ok()) << forbidden.error().ToString();
  return forbidden.ok() ? forbidden.value() : std::vector<std::string>{};
}

TEST(IncludeEdgeCheckTest, ReadsTheTableBlockSkippingNotes) {
  const std::vector<FolderRule> rules = Rules();
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules[0].folder, "core");
  EXPECT_TRUE(rules[0].allowed.empty());
  EXPECT_EQ(rules[1].folder, "store");
  EXPECT_EQ(rules[1].allowed, (std::vector<std::string>{"core", "sqlite3.h"}));
  EXPECT_EQ(rules[3].folder, "classifier/io");
  EXPECT_FALSE(rules[3].anything);
  EXPECT_TRUE(rules[4].anything);
}

TEST(IncludeEdgeCheckTest, RejectsABrokenTableNamingTheLine) {
  const auto message = [](const std::string& markdown) {
    Result<std::vector<FolderRule>> rules = ParseFolderRules(markdown, "architecture.md");
    return rules.ok() ? std::string("ok") : rules.error().ToString();
  };
  EXPECT_EQ(message("# nothing here\n"), "architecture.md: has no ```allowed-includes block");
  EXPECT_EQ(message("```allowed-includes\ncore:\n"),
            "architecture.md: the ```allowed-includes block is not closed");
  EXPECT_EQ(message("x\n```allowed-includes\ncore\n```\n"),
            "architecture.md:3: expected `folder: allowed, allowed`, got \"core\"");
  EXPECT_EQ(message("```allowed-includes\ncore:\nstore: core\ncore: store\n```\n"),
            "architecture.md:4: \"core\" has a line already");
  EXPECT_EQ(message("```allowed-includes\nmy folder: core\n```\n"),
            "architecture.md:2: \"my folder\" is not a folder name");
}

TEST(IncludeEdgeCheckTest, AcceptsATreeThatKeepsTheTable) {
  ScopedTempDir root;
  WriteSource(root, "core/error.h", "#include <string>\n");
  WriteSource(root, "store/store.cc",
              "#include \"store/store.h\"\n#include <sqlite3.h>\n#include \"core/error.h\"\n");
  WriteSource(root, "classifier/io/reader.cc",
              "#include \"classifier/model.h\"\n#include <xercesc/sax2/SAX2XMLReader.hpp>\n");
  WriteSource(root, "tests/store/store_test.cc", "#include \"store/store.h\"\n");
  WriteSource(root, "data/notes.txt", "#include \"store/store.h\"\n");
  EXPECT_EQ(Forbidden(root), std::vector<std::string>{});
}

TEST(IncludeEdgeCheckTest, NamesEveryForbiddenEdgeWithFileAndLine) {
  ScopedTempDir root;
  WriteSource(root, "classifier/scorer.cc",
              "#include \"classifier/scorer.h\"\n"
              "\n"
              "#include \"store/store.h\"\n"
              "  #  include \"classifier/io/reader.h\"\n"
              "#include <xercesc/util/XMLString.hpp>\n"
              "#include <vector>\n");
  WriteSource(root, "core/cluster.h", "#include \"tests/support/temp_dir.h\"\n");
  WriteSource(root, "core/data.cc.in", "#include <sqlite3.h>\n");
  EXPECT_EQ(Forbidden(root),
            (std::vector<std::string>{
                "classifier/scorer.cc:3: classifier may not include store (\"store/store.h\"); "
                "allowed: core",
                "classifier/scorer.cc:4: classifier may not include classifier/io "
                "(\"classifier/io/reader.h\"); allowed: core",
                "classifier/scorer.cc:5: classifier may not include xercesc "
                "(<xercesc/util/XMLString.hpp>); allowed: core",
                "core/cluster.h:1: core may not include tests (\"tests/support/temp_dir.h\"); "
                "allowed: nothing but its own headers",
                "core/data.cc.in:1: core may not include sqlite3.h (<sqlite3.h>); allowed: nothing "
                "but its own headers"}));
}

TEST(IncludeEdgeCheckTest, NamesALibraryFolderTheTableLacks) {
  ScopedTempDir root;
  WriteSource(root, "web/CMakeLists.txt", "add_library(web)\n");
  WriteSource(root, "web/server.cc", "#include \"store/store.h\"\n");
  WriteSource(root, "scripts/build.sh", "#!/bin/sh\n");
  EXPECT_EQ(Forbidden(root),
            std::vector<std::string>{
                "web/: a folder with a CMakeLists.txt has no line in the allowed-includes table"});
}

TEST(IncludeEdgeCheckTest, TheRepositoryKeepsDocsArchitectureMd) {
  const std::string table_file = std::string(CLUSTERPILOT_SOURCE_DIR) + "/docs/architecture.md";
  Result<std::vector<FolderRule>> rules = ParseFolderRules(ReadFile(table_file), table_file);
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();
  Result<std::vector<std::string>> forbidden =
      FindForbiddenIncludes(CLUSTERPILOT_SOURCE_DIR, rules.value());
  ASSERT_TRUE(forbidden.ok()) << forbidden.error().ToString();
  EXPECT_EQ(forbidden.value(), std::vector<std::string>{});
}

}  // namespace
}  // namespace clusterpilot
