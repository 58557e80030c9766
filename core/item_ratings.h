// The 19 HoNOS+ items (HV01..HV19) of one measurement, as a fixed-size array
// so the classifier's hot path never allocates.
#ifndef CLUSTERPILOT_CORE_ITEM_RATINGS_H_
#define CLUSTERPILOT_CORE_ITEM_RATINGS_H_

#include <array>
#include <cstdint>
#include <string>

namespace clusterpilot {

inline constexpr int kItemCount = 19;
inline constexpr int kMaxRating = 4;

// A rating the clinician did not give: 9 or an empty cell in an export, or
// an item the dynamic route never asked. Distinct from 0 ("no problem").
inline constexpr int8_t kUnknownRating = -1;

// Index 0 holds HV01, index 18 holds HV19.
using ItemRatings = std::array<int8_t, kItemCount>;

// An ItemRatings with every item unknown.
ItemRatings UnknownRatings();

// Number of items rated kUnknownRating.
int CountUnknown(const ItemRatings& ratings);

// "HV01" for item_index 0 ... "HV19" for 18.
std::string ItemCode(int item_index);

// Parses one rating as an export writes it: "0".."4", "9" or "" (unknown).
// Returns false for anything else and leaves *rating untouched.
bool ParseRating(const std::string& text, int8_t* rating);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_ITEM_RATINGS_H_
