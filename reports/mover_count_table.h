// How many patients of a group move out of their most likely cluster in one
// Monte Carlo draw, when each patient has two possible clusters: a sum of
// independent Bernoulli variables, each with the patient's own probability
// (the Poisson binomial distribution). Its exact distribution is computed
// once per group and then drawn with one random number per group and draw
// (Walker's alias method), instead of one per patient.
#ifndef CLUSTERPILOT_REPORTS_MOVER_COUNT_TABLE_H_
#define CLUSTERPILOT_REPORTS_MOVER_COUNT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace clusterpilot {

// The exact distribution of the number of successes of independent
// Bernoulli variables with the given probabilities (each in [0, 1]):
// entry k is P(k successes), k = 0..n. O(n²), so callers keep n small
// (kMoverGroupLimit); sums of several groups are exact too.
std::vector<double> PoissonBinomialPmf(const std::vector<double>& probabilities);

// The largest group drawn from one table: larger groups are split into
// groups of at most this many patients, each drawn on its own, which keeps
// the sum exact and the set-up O(n · kMoverGroupLimit).
inline constexpr size_t kMoverGroupLimit = 256;

// One outcome's slot of an alias table: the slot's own outcome when the
// low 32 bits of the random word are below `keep_below`, else `alias`.
struct MoverAlias {
  uint32_t keep_below = 0;
  uint32_t alias = 0;
};

// Appends the alias table of `pmf` (outcomes 0..pmf.size()-1, summing to 1)
// to *table. Each outcome's probability is kept to within 2^-32.
void AppendAliasTable(const std::vector<double>& pmf, std::vector<MoverAlias>* table);

// The slot of `size` a draw's word picks: its high half, scaled.
inline uint32_t AliasSlot(uint32_t size, uint64_t word) {
  return static_cast<uint32_t>(((word >> 32) * size) >> 32);
}

// All ones when the draw keeps the slot's own outcome (the word's low half
// below `keep_below`), else all zeros: a mask to choose with, not a branch.
inline uint32_t KeepMask(uint32_t keep_below, uint64_t word) {
  return 0u - static_cast<uint32_t>(static_cast<uint32_t>(word) < keep_below);
}

// Draws an outcome from the `size` slots at `slots` with one uniform
// 64-bit word: the high half picks the slot, the low half keeps or aliases.
// Branch-free: the choice is a coin toss the processor cannot predict, and
// a mispredicted branch per draw would cost more than the draw.
inline uint32_t DrawAlias(const MoverAlias* slots, uint32_t size, uint64_t word) {
  const uint32_t slot = AliasSlot(size, word);
  const uint32_t keep = KeepMask(slots[slot].keep_below, word);
  return (slot & keep) | (slots[slot].alias & ~keep);
}

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MOVER_COUNT_TABLE_H_
