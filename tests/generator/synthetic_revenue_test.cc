#include "generator/synthetic_revenue.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

double MeanRevenue(int cluster, int contract_percentage) {
  std::mt19937_64 random(3);
  int64_t total = 0;
  for (int i = 0; i < 2000; ++i)
    total += SyntheticMonthRevenueCents(cluster, contract_percentage, random);
  return static_cast<double>(total) / 2000.0;
}

TEST(SyntheticRevenueTest, SevereCareBillsMoreThanMildCare) {
  EXPECT_LT(MeanRevenue(1, 100), MeanRevenue(4, 100));
  EXPECT_LT(MeanRevenue(4, 100), MeanRevenue(5, 100));
  EXPECT_LT(MeanRevenue(18, 100), MeanRevenue(14, 100));
  // A mild month is one or two psychologist sessions: a few hundred euros.
  EXPECT_GT(MeanRevenue(1, 100), 15000);
  EXPECT_LT(MeanRevenue(1, 100), 40000);
}

TEST(SyntheticRevenueTest, ContractPercentageAndSeedAreHonoured) {
  std::mt19937_64 a(9), b(9);
  for (int i = 0; i < 50; ++i) {
    const int64_t full = SyntheticMonthRevenueCents(7, 100, a);
    const int64_t contracted = SyntheticMonthRevenueCents(7, 80, b);
    EXPECT_EQ(contracted, full * 80 / 100);
  }
}

}  // namespace
}  // namespace clusterpilot
