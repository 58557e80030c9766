#include "store/rating_columns.h"

#include "store/sql_statement.h"

namespace clusterpilot {
namespace {

// A stored rating as core knows it: anything but 0..4 as unknown.
int8_t RatingOrUnknown(int64_t stored) {
  return stored >= 0 && stored <= kMaxRating ? static_cast<int8_t>(stored) : kUnknownRating;
}

}  // namespace

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
    if (!row.IsNull(first_column + item))
      ratings[item] = RatingOrUnknown(row.Int(first_column + item));
  }
  return ratings;
}

std::string NonNullRatingColumnList(std::string_view alias) {
  std::string list;
  for (int item = 0; item < kItemCount; ++item) {
    if (item > 0) list += ", ";
    list += "coalesce(" + RatingColumn(item, alias) + ", -1)";
  }
  return list;
}

ItemRatings ReadNonNullRatings(const SqlStatement& row, int first_column) {
  ItemRatings ratings;
  for (int item = 0; item < kItemCount; ++item) {
    ratings[item] = RatingOrUnknown(row.Int(first_column + item));
  }
  return ratings;
}

}  // namespace clusterpilot
