#include "reports/mover_count_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace clusterpilot {
namespace {

// P(k successes) by enumerating all 2^n outcomes: independent of the
// recurrence under test.
std::vector<double> EnumeratedPmf(const std::vector<double>& p) {
  std::vector<double> pmf(p.size() + 1, 0.0);
  for (uint32_t outcome = 0; outcome < (1u << p.size()); ++outcome) {
    double probability = 1;
    int successes = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      const bool success = (outcome >> i) & 1u;
      probability *= success ? p[i] : 1 - p[i];
      successes += success ? 1 : 0;
    }
    pmf[successes] += probability;
  }
  return pmf;
}

TEST(MoverCountTableTest, PmfIsThePoissonBinomial) {
  const std::vector<double> p = {0.05, 0.3, 0.45, 0.0, 1.0, 0.12, 0.33, 0.5, 0.21, 0.9};
  const std::vector<double> exact = EnumeratedPmf(p);
  const std::vector<double> pmf = PoissonBinomialPmf(p);
  ASSERT_EQ(pmf.size(), exact.size());
  for (size_t k = 0; k < pmf.size(); ++k) EXPECT_NEAR(pmf[k], exact[k], 1e-15) << k;
  EXPECT_EQ(PoissonBinomialPmf({}), std::vector<double>{1.0});
}

TEST(MoverCountTableTest, AliasTableKeepsEveryOutcomesProbability) {
  const std::vector<double> pmf = PoissonBinomialPmf({0.05, 0.3, 0.45, 0.12, 0.33, 0.21});
  std::vector<MoverAlias> table = {{1, 2}};  // a table before it stays as it was
  AppendAliasTable(pmf, &table);
  ASSERT_EQ(table.size(), 1 + pmf.size());
  EXPECT_EQ(table[0].keep_below, 1u);
  // Each outcome's probability from the table itself: its own slot's kept
  // share plus what every other slot hands it.
  const double slot_share = 1.0 / static_cast<double>(pmf.size());
  for (size_t k = 0; k < pmf.size(); ++k) {
    double probability = 0;
    for (size_t slot = 0; slot < pmf.size(); ++slot) {
      const double keep = table[1 + slot].keep_below / 4294967296.0;
      if (slot == k) probability += slot_share * keep;
      if (table[1 + slot].alias == k) probability += slot_share * (1 - keep);
    }
    EXPECT_NEAR(probability, pmf[k], 1e-9) << k;
  }
}

TEST(MoverCountTableTest, DrawsFollowTheDistribution) {
  const std::vector<double> pmf = PoissonBinomialPmf({0.5, 0.25, 0.75});
  std::vector<MoverAlias> table;
  AppendAliasTable(pmf, &table);
  std::mt19937_64 random(11);
  constexpr int kDraws = 400000;
  std::vector<int> seen(pmf.size(), 0);
  for (int i = 0; i < kDraws; ++i) {
    const uint32_t outcome = DrawAlias(table.data(), static_cast<uint32_t>(table.size()), random());
    ASSERT_LT(outcome, pmf.size());
    ++seen[outcome];
  }
  for (size_t k = 0; k < pmf.size(); ++k) {
    const double sd = std::sqrt(kDraws * pmf[k] * (1 - pmf[k]));
    EXPECT_NEAR(seen[k], kDraws * pmf[k], 5 * sd) << k;  // 5 standard errors
  }
}

TEST(MoverCountTableTest, CertainOutcomesAreAlwaysDrawn) {
  std::vector<MoverAlias> table;
  AppendAliasTable(PoissonBinomialPmf({1.0, 1.0, 0.0}), &table);
  std::mt19937_64 random(5);
  for (int i = 0; i < 10000; ++i) {
    ASSERT_EQ(DrawAlias(table.data(), static_cast<uint32_t>(table.size()), random()), 2u);
  }
}

}  // namespace
}  // namespace clusterpilot
