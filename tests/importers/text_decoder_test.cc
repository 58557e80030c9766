#include "importers/text_decoder.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(TextDecoderTest, AsciiPassesThrough) {
  TextDecoder decoder(false);
  std::string out;
  EXPECT_TRUE(decoder.Decode("Psychosezorg", &out));
  EXPECT_EQ(out, "Psychosezorg");
  EXPECT_EQ(decoder.EncodingName(), "ASCII");
}

TEST(TextDecoderTest, ValidUtf8MakesAUtf8File) {
  TextDecoder decoder(false);
  std::string out;
  EXPECT_TRUE(decoder.Decode("Cli\xC3\xABntenzorg", &out));
  EXPECT_EQ(out, "Cliëntenzorg");
  EXPECT_EQ(decoder.EncodingName(), "UTF-8");
  // Later bytes that are not UTF-8 are a problem of that value, not a switch.
  EXPECT_FALSE(decoder.Decode("Cli\xEBnt", &out));
  EXPECT_EQ(out, "Cliënt");
  EXPECT_EQ(decoder.EncodingName(), "UTF-8");
}

TEST(TextDecoderTest, OtherBytesMakeAWindows1252File) {
  TextDecoder decoder(false);
  std::string out;
  EXPECT_TRUE(decoder.Decode("Pati\xEBntnummer", &out));
  EXPECT_EQ(out, "Patiëntnummer");
  EXPECT_EQ(decoder.EncodingName(), "Windows-1252");
  EXPECT_TRUE(decoder.Decode("\x80 12,50 \x96 caf\xE9", &out));
  EXPECT_EQ(out, "€ 12,50 – café");
}

TEST(TextDecoderTest, ByteOrderMarkMeansUtf8) {
  TextDecoder decoder(true);
  EXPECT_EQ(decoder.EncodingName(), "UTF-8 with byte-order mark");
  std::string out;
  EXPECT_FALSE(decoder.Decode("Pati\xEBnt", &out));
}

}  // namespace
}  // namespace clusterpilot
