#include "core/honos_items.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(HonosItemsTest, TableIsNumberedInOrder) {
  for (int i = 0; i < kItemCount; ++i) EXPECT_EQ(kHonosItems[i].code, ItemCode(i));
}

TEST(HonosItemsTest, TotalLeavesUnknownItemsOutAndCountsThem) {
  ItemRatings ratings = {0, 3, 1, 1, 0, 1, 4, 0, 0, 0, 0, 0, 0, 1, 4, 1, 1, 1, 1};
  int unknown = -1;
  EXPECT_EQ(HonosTotal(ratings, &unknown), 10);
  EXPECT_EQ(unknown, 0);
  ratings[6] = kUnknownRating;
  EXPECT_EQ(HonosTotal(ratings, &unknown), 6);
  EXPECT_EQ(unknown, 1);
  EXPECT_EQ(SubscaleTotal(ratings, Subscale::kBehaviour), 4);
  EXPECT_EQ(SubscaleTotal(ratings, Subscale::kHistoric), 9);
}

TEST(HonosItemsTest, ParsesRatingsAndUnknowns) {
  int8_t rating = 0;
  EXPECT_TRUE(ParseRating("4", &rating));
  EXPECT_EQ(rating, 4);
  EXPECT_TRUE(ParseRating("9", &rating));
  EXPECT_EQ(rating, kUnknownRating);
  EXPECT_TRUE(ParseRating("", &rating));
  EXPECT_EQ(rating, kUnknownRating);
  for (const char* bad : {"5", "-1", "10", "a", " 3"}) EXPECT_FALSE(ParseRating(bad, &rating));
}

}  // namespace
}  // namespace clusterpilot
