#include "reports/mover_count_table.h"

#include <algorithm>

namespace clusterpilot {
namespace {

// A probability scaled to the 32-bit threshold DrawAlias compares with; a
// certain slot keeps its own outcome except with probability 2^-32, and
// then aliases to itself.
uint32_t Threshold(double probability) {
  const double scaled = std::clamp(probability, 0.0, 1.0) * 4294967296.0;
  return scaled >= 4294967295.0 ? 0xFFFFFFFFu : static_cast<uint32_t>(scaled);
}

}  // namespace

std::vector<double> PoissonBinomialPmf(const std::vector<double>& probabilities) {
  std::vector<double> pmf(probabilities.size() + 1, 0.0);
  pmf[0] = 1.0;
  size_t seen = 0;
  for (double p : probabilities) {
    ++seen;
    // Highest count first, so each entry still holds the previous step's value.
    for (size_t k = seen; k > 0; --k) pmf[k] = pmf[k] * (1.0 - p) + pmf[k - 1] * p;
    pmf[0] *= 1.0 - p;
  }
  return pmf;
}

// Vose's form of Walker's method: slots below their fair share are topped
// up from one above it, which keeps every step exact up to rounding.
void AppendAliasTable(const std::vector<double>& pmf, std::vector<MoverAlias>* table) {
  const size_t size = pmf.size();
  const size_t first = table->size();
  table->resize(first + size);
  MoverAlias* slots = table->data() + first;
  std::vector<double> share(size);
  std::vector<uint32_t> small;
  std::vector<uint32_t> large;
  for (size_t k = 0; k < size; ++k) {
    share[k] = pmf[k] * static_cast<double>(size);
    (share[k] < 1.0 ? small : large).push_back(static_cast<uint32_t>(k));
  }
  while (!small.empty() && !large.empty()) {
    const uint32_t below = small.back();
    small.pop_back();
    const uint32_t above = large.back();
    slots[below] = {Threshold(share[below]), above};
    share[above] -= 1.0 - share[below];
    if (share[above] < 1.0) {
      large.pop_back();
      small.push_back(above);
    }
  }
  // What is left holds its fair share (up to rounding): it keeps its own outcome.
  for (uint32_t k : small) slots[k] = {0xFFFFFFFFu, k};
  for (uint32_t k : large) slots[k] = {0xFFFFFFFFu, k};
}

}  // namespace clusterpilot
