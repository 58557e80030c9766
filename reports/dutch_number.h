// Numbers the way Dutch readers and Dutch Excel write them: a comma before
// the decimals and a dot between thousands ("1.234,56"), "€ 1.234,56" for
// money. Money is kept in whole cents so that sums are exact.
#ifndef CLUSTERPILOT_REPORTS_DUTCH_NUMBER_H_
#define CLUSTERPILOT_REPORTS_DUTCH_NUMBER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/dutch_csv_writer.h"  // FormatPlainCents, FormatPlainDecimal

namespace clusterpilot {

// Reads an amount in euros into cents. Accepts "1.234,56", "1234,56",
// "1234.56" (a single dot followed by one or two digits is a decimal point),
// "1.234" (dots between groups of three are thousands), an optional leading
// "€" and a leading '-'. On failure returns false and says why in *problem in
// words for the person who wrote the file.
bool ParseEuroCents(std::string_view text, int64_t* cents, std::string* problem);

// "€" and a no-break space (U+00A0): the sign never wraps away from its
// amount, on screen or on paper.
inline constexpr const char* kEuroPrefix = "\xE2\x82\xAC\xC2\xA0";

// "1.234.567".
std::string FormatCount(int64_t count);
// "€ 1.234,56" (with kEuroPrefix); negative amounts as "€ -1.234,56".
std::string FormatEuros(int64_t cents);
// "€ 1.235": rounded to whole euros, for charts and key figures.
std::string FormatWholeEuros(int64_t cents);
// "1.234,5" with `decimals` digits after the comma.
std::string FormatDecimal(double value, int decimals);
// "12,3%" for 0.123.
std::string FormatPercent(double fraction, int decimals = 1);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_DUTCH_NUMBER_H_
