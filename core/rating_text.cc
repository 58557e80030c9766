#include "core/rating_text.h"

#include <cmath>

#include "core/honos_items.h"

namespace clusterpilot {

void AppendItemLabel(int item, std::string* text) {
  text->append(kHonosItems[item].code);
  text->push_back(' ');
  text->append(kHonosItems[item].english);
}

void AppendItemRating(int item, int8_t rating, std::string* text) {
  AppendItemLabel(item, text);
  text->push_back(' ');
  text->push_back(static_cast<char>('0' + rating));
}

void AppendPercent(double probability, std::string* text) {
  text->append(std::to_string(static_cast<int>(std::lround(probability * 100))));
  text->push_back('%');
}

}  // namespace clusterpilot
