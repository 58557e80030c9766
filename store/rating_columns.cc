#include "store/rating_columns.h"

#include "store/sql_statement.h"

namespace clusterpilot {

std::string RatingColumn(int item_index, std::string_view alias) {
  const int item = item_index + 1;
  std::string column = alias.empty() ? "" : std::string(alias) + ".";
  column += item < 10 ? "hv0" : "hv";
  return column + std::to_string(item);
}

std::string RatingColumnList(std::string_view alias) {
  std::string list;
  for (int item = 0; item < kItemCount; ++item) {
    if (item > 0) list += ", ";
    list += RatingColumn(item, alias);
  }
  return list;
}

ItemRatings ReadRatings(const SqlStatement& row, int first_column) {
  ItemRatings ratings = UnknownRatings();
  for (int item = 0; item < kItemCount; ++item) {
    if (row.IsNull(first_column + item)) continue;
    const int64_t rating = row.Int(first_column + item);
    if (rating >= 0 && rating <= kMaxRating) ratings[item] = static_cast<int8_t>(rating);
  }
  return ratings;
}

}  // namespace clusterpilot
