// The HoNOS+ item table: the one place where item labels live, so a
// corrected wording changes every report and explanation at once.
#ifndef CLUSTERPILOT_CORE_HONOS_ITEMS_H_
#define CLUSTERPILOT_CORE_HONOS_ITEMS_H_

#include <array>
#include <string_view>

#include "core/item_ratings.h"

namespace clusterpilot {

enum class Subscale { kBehaviour, kImpairment, kSymptoms, kSocial, kClusteringAddition, kHistoric };

struct HonosItem {
  std::string_view code;     // "HV01"
  std::string_view english;  // short English label
  std::string_view dutch;    // short Dutch label
  Subscale subscale;
  std::string_view dutch_short;  // for lists: "depressieve stemming"
};

// kHonosItems[i] describes item i (HV01 at index 0).
extern const std::array<HonosItem, kItemCount> kHonosItems;

// "behaviour", "impairment", "symptoms", "social", "clustering", "historic".
std::string_view SubscaleName(Subscale subscale);

// Items 1-12 rated 0-4 summed (range 0-48): the classic HoNOS total.
// Unknown items are left out; *unknown_count (if given) says how many.
int HonosTotal(const ItemRatings& ratings, int* unknown_count = nullptr);

// Sum of the known ratings of the items of one subscale.
int SubscaleTotal(const ItemRatings& ratings, Subscale subscale);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_HONOS_ITEMS_H_
