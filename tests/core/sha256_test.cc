#include "core/sha256.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

// The test vectors of FIPS 180-2.
TEST(Sha256Test, MatchesTheStandardsVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, UpdatesInPiecesGiveTheSameDigest) {
  Sha256 sha256;
  sha256.Update("abcdbcdecdefdefgefghfghighij");
  sha256.Update("hijkijkljklmklmnlmnomnopnopq");
  EXPECT_EQ(sha256.HexDigest(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

}  // namespace
}  // namespace clusterpilot
