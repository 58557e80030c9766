// How the 19 HoNOS+ ratings sit in the measurement table: one column per item
// (hv01..hv19), NULL for unknown. The one place that names those columns and
// turns them back into core's ItemRatings, for every query that reads them.
#ifndef CLUSTERPILOT_STORE_RATING_COLUMNS_H_
#define CLUSTERPILOT_STORE_RATING_COLUMNS_H_

#include <string>
#include <string_view>

#include "core/item_ratings.h"

namespace clusterpilot {

class SqlStatement;

// "m.hv07" for item_index 6 and alias "m"; "hv07" for an empty alias.
std::string RatingColumn(int item_index, std::string_view alias);

// The 19 columns in item order, comma-separated, for a SELECT or INSERT list.
std::string RatingColumnList(std::string_view alias);

// Reads the 19 ratings from the current row of `row`, starting at column
// `first_column`. NULL, and anything that is not a rating 0..4, reads as
// kUnknownRating, so a damaged row never reaches the classifier as a rating.
ItemRatings ReadRatings(const SqlStatement& row, int first_column);

// The 19 columns as RatingColumnList gives them, each NULL turned into -1
// (coalesce(m.hv01, -1), ...), for ReadNonNullRatings: one call a column
// reads them, where ReadRatings needs two (a NULL check and a read). For the
// hottest read, classify's (1M measurements: 2.75 -> 2.69 s of processor
// time).
std::string NonNullRatingColumnList(std::string_view alias);

// Reads the 19 ratings of NonNullRatingColumnList from `first_column` on;
// -1, and anything else that is not a rating 0..4, reads as kUnknownRating.
ItemRatings ReadNonNullRatings(const SqlStatement& row, int first_column);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_RATING_COLUMNS_H_
