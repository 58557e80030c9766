#include "importers/content_hash.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

TEST(ContentHashTest, IsTheSha256OfTheBytes) {
  ScopedTempDir dir;
  WriteFile(dir.File("a.csv"), "abc");
  Result<std::string> hash = ContentHash(dir.File("a.csv"), "a.csv");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash.value(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ContentHashTest, SameBytesSameHashWhateverTheName) {
  ScopedTempDir dir;
  std::string big(3 << 20, 'x');  // more than one read block
  big[12345] = 'y';
  WriteFile(dir.File("maart.csv"), big);
  WriteFile(dir.File("copy of maart.csv"), big);
  big[2 << 20] = 'z';
  WriteFile(dir.File("changed.csv"), big);
  const std::string first = ContentHash(dir.File("maart.csv"), "maart.csv").value();
  EXPECT_EQ(first, ContentHash(dir.File("copy of maart.csv"), "copy").value());
  EXPECT_NE(first, ContentHash(dir.File("changed.csv"), "changed").value());
}

TEST(ContentHashTest, MissingFileIsAnError) {
  Result<std::string> hash = ContentHash("/nonexistent/x.csv", "x.csv");
  ASSERT_FALSE(hash.ok());
  EXPECT_EQ(hash.error().ToString(), "x.csv: cannot be read: No such file or directory");
}

}  // namespace
}  // namespace clusterpilot
