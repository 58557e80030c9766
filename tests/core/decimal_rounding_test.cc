#include "core/decimal_rounding.h"

#include <gtest/gtest.h>

#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

TEST(DecimalRoundingTest, ExactBinaryHalvesGoAwayFromZero) {
  EXPECT_EQ(RoundHalfAwayFromZero(2.25, 1), 2.3);
  EXPECT_EQ(RoundHalfAwayFromZero(-2.25, 1), -2.3);
  EXPECT_EQ(RoundHalfAwayFromZero(0.5, 0), 1.0);
  EXPECT_EQ(RoundHalfAwayFromZero(-0.5, 0), -1.0);
  EXPECT_EQ(RoundHalfAwayFromZero(2.5, 0), 3.0);  // not to even
}

// 87/20 = 4.35 and 0.0125 are halves in decimal but not in binary.
TEST(DecimalRoundingTest, DecimalHalvesStoredBelowTheHalfStillGoUp) {
  EXPECT_EQ(RoundHalfAwayFromZero(87.0 / 20.0, 1), 4.4);
  EXPECT_EQ(RoundHalfAwayFromZero(-87.0 / 20.0, 1), -4.4);
  EXPECT_EQ(RoundHalfAwayFromZero(1.0 / 80.0, 3), 0.013);
  EXPECT_EQ(RoundHalfAwayFromZero(1.005, 2), 1.01);
}

TEST(DecimalRoundingTest, ValuesBesideTheHalfRoundToTheNearest) {
  EXPECT_EQ(RoundHalfAwayFromZero(4.3499, 1), 4.3);
  EXPECT_EQ(RoundHalfAwayFromZero(4.3501, 1), 4.4);
  EXPECT_EQ(RoundHalfAwayFromZero(-0.04, 1), -0.0);
  EXPECT_EQ(RoundHalfAwayFromZero(123456.789, 2), 123456.79);
}

TEST(DecimalRoundingTest, PlainDecimalsPrintTheRoundedDigits) {
  EXPECT_EQ(FormatPlainDecimal(87.0 / 20.0, 1), "4,4");
  EXPECT_EQ(FormatPlainDecimal(12.25, 1), "12,3");
  EXPECT_EQ(FormatPlainDecimal(-12.25, 1), "-12,3");
  EXPECT_EQ(FormatPlainDecimal(-0.04, 1), "0,0");
}

}  // namespace
}  // namespace clusterpilot
