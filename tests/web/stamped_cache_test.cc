// Values kept under the stamp they were read at: found only at that stamp,
// replaced by a newer read, and all dropped once the keys pass the limit.
#include "web/stamped_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace clusterpilot {
namespace {

TEST(StampedCacheTest, AValueIsFoundOnlyAtTheStampItWasReadAt) {
  StampedCache<int, std::string> cache(4);
  EXPECT_FALSE(cache.Find(1, "1.0.0.0").has_value());
  cache.Keep(1, "1.0.0.0", "first");
  EXPECT_EQ(cache.Find(1, "1.0.0.0").value_or(""), "first");
  EXPECT_FALSE(cache.Find(1, "1.2.0.0").has_value());
  EXPECT_FALSE(cache.Find(2, "1.0.0.0").has_value());
  cache.Keep(1, "1.2.0.0", "second");
  EXPECT_EQ(cache.Find(1, "1.2.0.0").value_or(""), "second");
  EXPECT_FALSE(cache.Find(1, "1.0.0.0").has_value());
}

TEST(StampedCacheTest, PastTheLimitEveryKeyIsDropped) {
  StampedCache<int, std::string> cache(2);
  cache.Keep(1, "s", "one");
  cache.Keep(2, "s", "two");
  cache.Keep(2, "s", "two again");  // a kept key adds none
  EXPECT_EQ(cache.Find(1, "s").value_or(""), "one");
  cache.Keep(3, "s", "three");
  EXPECT_FALSE(cache.Find(1, "s").has_value());
  EXPECT_FALSE(cache.Find(2, "s").has_value());
  EXPECT_EQ(cache.Find(3, "s").value_or(""), "three");
}

}  // namespace
}  // namespace clusterpilot
