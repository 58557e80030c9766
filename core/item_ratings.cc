#include "core/item_ratings.h"

#include <algorithm>

namespace clusterpilot {

ItemRatings UnknownRatings() {
  ItemRatings ratings;
  ratings.fill(kUnknownRating);
  return ratings;
}

int CountUnknown(const ItemRatings& ratings) {
  return static_cast<int>(std::count(ratings.begin(), ratings.end(), kUnknownRating));
}

std::string ItemCode(int item_index) {
  const int number = item_index + 1;
  return (number < 10 ? "HV0" : "HV") + std::to_string(number);
}

bool ParseRating(const std::string& text, int8_t* rating) {
  if (text.empty() || text == "9") {
    *rating = kUnknownRating;
    return true;
  }
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '4') {
    *rating = static_cast<int8_t>(text[0] - '0');
    return true;
  }
  return false;
}

}  // namespace clusterpilot
