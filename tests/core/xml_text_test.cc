#include "core/xml_text.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(XmlTextTest, EscapesMarkupQuotesAndWhitespaceThatAttributesWouldLose) {
  Result<std::string> escaped = EscapeXmlText("a&b <c> \"d\" 'e'\tf\ng\rh", XmlPlace::kAttribute);
  ASSERT_TRUE(escaped.ok()) << escaped.error().ToString();
  EXPECT_EQ(escaped.value(), "a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#39;&#9;f&#10;g&#13;h");
}

TEST(XmlTextTest, ElementContentKeepsApostrophesTabsAndLineFeeds) {
  Result<std::string> escaped = EscapeXmlText("a&b <c> \"d\" 'e'\tf\ng\rh", XmlPlace::kElement);
  ASSERT_TRUE(escaped.ok()) << escaped.error().ToString();
  EXPECT_EQ(escaped.value(), "a&amp;b &lt;c&gt; &quot;d&quot; 'e'\tf\ng&#13;h");
}

TEST(XmlTextTest, KeepsUtf8AsItIs) {
  Result<std::string> escaped =
      EscapeXmlText("patiëntnummer € \xF0\x9F\x98\x80 \xEF\xBF\xBD", XmlPlace::kAttribute);
  ASSERT_TRUE(escaped.ok()) << escaped.error().ToString();
  EXPECT_EQ(escaped.value(), "patiëntnummer € \xF0\x9F\x98\x80 \xEF\xBF\xBD");
}

TEST(XmlTextTest, RefusesWhatXml10Forbids) {
  const struct {
    std::string text;
    std::string error;
  } kCases[] = {
      {std::string("a\0b", 3),
       "\"U+0000\": is a character XML 1.0 does not allow; remove it from the value (byte 2 of "
       "the text)"},
      {"bell\x07",
       "\"U+0007\": is a character XML 1.0 does not allow; remove it from the value (byte 5 of "
       "the text)"},
      {"esc\x1B",
       "\"U+001B\": is a character XML 1.0 does not allow; remove it from the value (byte 4 of "
       "the text)"},
      {"x\xEF\xBF\xBE",
       "\"U+FFFE\": is a character XML 1.0 does not allow; remove it from the value (byte 2 of "
       "the text)"},
      {"\xEF\xBF\xBF",
       "\"U+FFFF\": is a character XML 1.0 does not allow; remove it from the value (byte 1 of "
       "the text)"},
      {"lone \xED\xA0\x80 surrogate",
       "\"byte 0xED\": is not UTF-8 (or encodes a lone surrogate), which XML 1.0 does not allow "
       "(byte 6 of the text)"},
      {"latin-1 caf\xE9",
       "\"byte 0xE9\": is not UTF-8 (or encodes a lone surrogate), which XML 1.0 does not allow "
       "(byte 12 of the text)"},
      {"overlong \xC0\xAF",
       "\"byte 0xC0\": is not UTF-8 (or encodes a lone surrogate), which XML 1.0 does not allow "
       "(byte 10 of the text)"},
      {"stray \x80",
       "\"byte 0x80\": is not UTF-8 (or encodes a lone surrogate), which XML 1.0 does not allow "
       "(byte 7 of the text)"},
  };
  for (const auto& c : kCases) {
    for (XmlPlace place : {XmlPlace::kAttribute, XmlPlace::kElement}) {
      Result<std::string> escaped = EscapeXmlText(c.text, place);
      ASSERT_FALSE(escaped.ok()) << c.text;
      EXPECT_EQ(escaped.error().ToString(), c.error);
    }
    Status checked = CheckXmlCharacters(c.text);
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().ToString(), c.error);
  }
}

TEST(XmlTextTest, AppendsAfterWhatIsThere) {
  std::string out = "<a b=\"";
  ASSERT_TRUE(AppendXmlText("x<y", XmlPlace::kAttribute, &out).ok());
  EXPECT_EQ(out, "<a b=\"x&lt;y");
}

TEST(XmlTextTest, EscapeXmlCharactersOnlyReplacesReferences) {
  EXPECT_EQ(EscapeXmlCharacters("<'&'>\n", XmlPlace::kAttribute), "&lt;&#39;&amp;&#39;&gt;&#10;");
  EXPECT_TRUE(CheckXmlCharacters("<p>fine\ttext\r\n</p>").ok());
}

}  // namespace
}  // namespace clusterpilot
