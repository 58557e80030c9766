// Small pieces of the sentences clinicians read in flags and explanations,
// built from the item table in core/honos_items.h so a corrected label
// changes every sentence.
#ifndef CLUSTERPILOT_CORE_RATING_TEXT_H_
#define CLUSTERPILOT_CORE_RATING_TEXT_H_

#include <cstdint>
#include <string>

namespace clusterpilot {

// Appends "HV07 depressed mood" for item index 6.
void AppendItemLabel(int item, std::string* text);

// Appends "HV07 depressed mood 4".
void AppendItemRating(int item, int8_t rating, std::string* text);

// Appends a probability as a whole percentage: "52%".
void AppendPercent(double probability, std::string* text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_RATING_TEXT_H_
