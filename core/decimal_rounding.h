// The one rounding rule of every number the tool prints: to a number of
// decimals, halves away from zero (2.25 -> 2.3, -2.25 -> -2.3), as people
// round by hand and as Excel's ROUND does. A value that is a half in decimal
// but not in binary (4.35 is stored as 4.34999...) counts as the half, so a
// mean of 87/20 shows as 4,4 in every format.
#ifndef CLUSTERPILOT_CORE_DECIMAL_ROUNDING_H_
#define CLUSTERPILOT_CORE_DECIMAL_ROUNDING_H_

namespace clusterpilot {

// `value` rounded to `decimals` places (0..9), halves away from zero. The
// result is the double nearest to the rounded decimal, so printing it with
// "%.*f" and the same decimals shows exactly the rounded digits.
double RoundHalfAwayFromZero(double value, int decimals);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_DECIMAL_ROUNDING_H_
