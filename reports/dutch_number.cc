#include "reports/dutch_number.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace clusterpilot {
namespace {

constexpr std::string_view kEuroSign = "\xE2\x82\xAC";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr int kMaxIntegerDigits = 13;  // well inside int64 cents

std::string_view Trim(std::string_view text) {
  for (;;) {
    if (text.starts_with(' ') || text.starts_with('\t')) {
      text.remove_prefix(1);
    } else if (text.starts_with(kNoBreakSpace)) {
      text.remove_prefix(kNoBreakSpace.size());
    } else if (text.ends_with(' ') || text.ends_with('\t')) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(kNoBreakSpace.size());
    } else {
      return text;
    }
  }
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "1.234.567" or "1234567" into digits; false for misplaced dots.
bool ReadWholePart(std::string_view text, bool dots_group_thousands, std::string* digits) {
  digits->clear();
  if (!dots_group_thousands || text.find('.') == std::string_view::npos) {
    if (!AllDigits(text)) return false;
    *digits = text;
    return true;
  }
  size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    const size_t dot = text.find('.', start);
    const std::string_view group =
        text.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!AllDigits(group) || group.size() > 3 || (!first && group.size() != 3)) return false;
    *digits += group;
    first = false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

// Puts dots between groups of three digits.
std::string GroupThousands(const std::string& digits) {
  std::string grouped;
  const size_t lead = digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i >= lead && (i - lead) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return grouped;
}

std::string Sign(bool negative) { return negative ? "-" : ""; }

}  // namespace

bool ParseEuroCents(std::string_view text, int64_t* cents, std::string* problem) {
  const std::string kHowTo = "not an amount in euros (write e.g. 1.234,56)";
  text = Trim(text);
  if (text.starts_with(kEuroSign)) text = Trim(text.substr(kEuroSign.size()));
  bool negative = false;
  if (text.starts_with('-')) {
    negative = true;
    text = Trim(text.substr(1));
  }
  if (text.empty()) {
    *problem = "no amount given";
    return false;
  }
  std::string_view whole = text;
  std::string_view fraction;
  bool dots_group_thousands = true;
  if (const size_t comma = text.rfind(','); comma != std::string_view::npos) {
    whole = text.substr(0, comma);
    fraction = text.substr(comma + 1);
  } else if (const size_t dot = text.rfind('.');
             dot != std::string_view::npos && text.size() - dot - 1 <= 2) {
    whole = text.substr(0, dot);  // "1234.56": a decimal point written by a program
    fraction = text.substr(dot + 1);
    dots_group_thousands = false;
  }
  std::string digits;
  if (!ReadWholePart(whole, dots_group_thousands, &digits) ||
      (text.find(',') != std::string_view::npos && !AllDigits(fraction))) {
    *problem = kHowTo;
    return false;
  }
  if (!fraction.empty() && !AllDigits(fraction)) {
    *problem = kHowTo;
    return false;
  }
  if (fraction.size() > 2) {
    *problem = "more than two decimals (amounts are in euros and cents)";
    return false;
  }
  if (digits.size() > kMaxIntegerDigits) {
    *problem = "too large an amount";
    return false;
  }
  int64_t value = std::atoll(digits.c_str()) * 100;
  if (!fraction.empty()) value += int64_t{fraction[0] - '0'} * 10;
  if (fraction.size() == 2) value += int64_t{fraction[1] - '0'};
  *cents = negative ? -value : value;
  return true;
}

std::string FormatCount(int64_t count) {
  const bool negative = count < 0;
  return Sign(negative) + GroupThousands(std::to_string(negative ? -count : count));
}

std::string FormatEuros(int64_t cents) {
  const bool negative = cents < 0;
  const int64_t magnitude = negative ? -cents : cents;
  char decimals[8];
  std::snprintf(decimals, sizeof decimals, ",%02d", static_cast<int>(magnitude % 100));
  return kEuroPrefix + Sign(negative) + GroupThousands(std::to_string(magnitude / 100)) + decimals;
}

std::string FormatWholeEuros(int64_t cents) {
  const bool negative = cents < 0;
  const int64_t magnitude = ((negative ? -cents : cents) + 50) / 100;
  return kEuroPrefix + Sign(negative && magnitude != 0) + GroupThousands(std::to_string(magnitude));
}

std::string FormatDecimal(double value, int decimals) {
  std::string plain = FormatPlainDecimal(value, decimals);
  const bool negative = !plain.empty() && plain[0] == '-';
  if (negative) plain.erase(0, 1);
  const size_t comma = plain.find(',');
  const std::string whole = plain.substr(0, comma);
  const std::string rest = comma == std::string::npos ? "" : plain.substr(comma);
  return Sign(negative) + GroupThousands(whole) + rest;
}

std::string FormatPercent(double fraction, int decimals) {
  return FormatDecimal(fraction * 100.0, decimals) + "%";
}

}  // namespace clusterpilot
