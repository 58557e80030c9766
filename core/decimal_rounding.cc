#include "core/decimal_rounding.h"

#include <cmath>

namespace clusterpilot {
namespace {

// How far, relative to the scaled value, a binary value may lie from a
// decimal half and still be taken for it: a few units in the last place of
// a double, far below any real difference between figures of the report.
constexpr double kHalfTolerance = 1e-12;

}  // namespace

double RoundHalfAwayFromZero(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  const double scale = std::pow(10.0, decimals);
  const double magnitude = std::fabs(value) * scale;
  const double whole = std::floor(magnitude);
  const double fraction = magnitude - whole;
  const bool up = fraction >= 0.5 - kHalfTolerance * std::fmax(1.0, magnitude);
  const double rounded = (up ? whole + 1 : whole) / scale;
  return std::signbit(value) ? -rounded : rounded;
}

}  // namespace clusterpilot
