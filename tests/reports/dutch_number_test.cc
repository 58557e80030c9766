#include "reports/dutch_number.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

int64_t Parsed(const std::string& text) {
  int64_t cents = -999;
  std::string problem;
  EXPECT_TRUE(ParseEuroCents(text, &cents, &problem)) << text << ": " << problem;
  return cents;
}

std::string Problem(const std::string& text) {
  int64_t cents = 0;
  std::string problem;
  EXPECT_FALSE(ParseEuroCents(text, &cents, &problem)) << text;
  return problem;
}

TEST(DutchNumberTest, ReadsAmountsAsDutchExcelWritesThem) {
  EXPECT_EQ(Parsed("1.234,56"), 123456);
  EXPECT_EQ(Parsed("1234,56"), 123456);
  EXPECT_EQ(Parsed("1234,5"), 123450);
  EXPECT_EQ(Parsed("1.234"), 123400);  // dots between groups of three are thousands
  EXPECT_EQ(Parsed("1.234.567,01"), 123456701);
  EXPECT_EQ(Parsed("1234.56"), 123456);  // a program's decimal point
  EXPECT_EQ(Parsed("0"), 0);
  EXPECT_EQ(Parsed("\xE2\x82\xAC 1.234,56"), 123456);
  EXPECT_EQ(Parsed("  12,00 "), 1200);
  EXPECT_EQ(Parsed("-5"), -500);
}

TEST(DutchNumberTest, RefusesWhatIsNoAmount) {
  const std::string how = "not an amount in euros (write e.g. 1.234,56)";
  EXPECT_EQ(Problem("abc"), how);
  EXPECT_EQ(Problem("12,3,4"), how);
  EXPECT_EQ(Problem("1.23.456"), how);
  EXPECT_EQ(Problem("12,5x"), how);
  EXPECT_EQ(Problem("1.234.5"), how);
  EXPECT_EQ(Problem(""), "no amount given");
  EXPECT_EQ(Problem("12,345"), "more than two decimals (amounts are in euros and cents)");
  EXPECT_EQ(Problem("99999999999999"), "too large an amount");
}

TEST(DutchNumberTest, FormatsTheDutchWay) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1234567), "1.234.567");
  EXPECT_EQ(FormatCount(-1234), "-1.234");
  // A no-break space (U+00A0) after the euro sign: it never wraps away.
  EXPECT_EQ(FormatEuros(123456),
            "\xE2\x82\xAC\xC2\xA0"
            "1.234,56");
  EXPECT_EQ(FormatEuros(5),
            "\xE2\x82\xAC\xC2\xA0"
            "0,05");
  EXPECT_EQ(FormatEuros(-123456), "\xE2\x82\xAC\xC2\xA0-1.234,56");
  EXPECT_EQ(FormatWholeEuros(123456),
            "\xE2\x82\xAC\xC2\xA0"
            "1.235");
  EXPECT_EQ(FormatDecimal(1234.56, 1), "1.234,6");
  EXPECT_EQ(FormatDecimal(-0.01, 1), "0,0");
  EXPECT_EQ(FormatPercent(0.1234), "12,3%");
  EXPECT_EQ(FormatPlainCents(123456), "1234,56");
  EXPECT_EQ(FormatPlainCents(-7), "-0,07");
  EXPECT_EQ(FormatPlainDecimal(12.25, 1), "12,3");  // halves away from zero
}

}  // namespace
}  // namespace clusterpilot
