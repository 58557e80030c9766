// The price scenarios per care cluster: a low, an expected and a high tariff
// in euros per patient per month in that cluster, as the institution's
// finance staff supply them (no official cluster prices exist yet).
#ifndef CLUSTERPILOT_REPORTS_TARIFF_TABLE_H_
#define CLUSTERPILOT_REPORTS_TARIFF_TABLE_H_

#include <array>
#include <cstdint>
#include <string>

#include "core/error.h"

namespace clusterpilot {

// Cluster numbers run 1..21 (9 unused); arrays indexed by cluster number.
inline constexpr int kClusterSlots = 22;

// True for the clusters of the model (1-8 and 10-21).

struct ClusterTariff {
  int64_t low_cents = 0;
  int64_t expected_cents = 0;
  int64_t high_cents = 0;
};

struct TariffTable {
  std::string file_name;  // as given by the user, for the report's sources
  std::array<ClusterTariff, kClusterSlots> by_cluster{};  // slot 0 and 9 unused
};

// Reads `cluster;tariff_low;tariff_expected;tariff_high` (header required,
// ';'-separated, decimal comma allowed, cluster as 4 or ZT04). Refuses the
// whole file, naming file, line, column and value, for: a missing or repeated
// cluster, an unknown cluster number, a non-numeric or negative amount, or
// amounts not ordered low <= expected <= high.
Result<TariffTable> ReadTariffTable(const std::string& path);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TARIFF_TABLE_H_
