// The care clusters of the Dutch regulation: numbered 1 to 21, with 9 not in
// use, and written ZT01..ZT21 ("zorgtype") in Dutch tariff and code lists.
// Every check and every reading of a typed cluster goes through here.
#ifndef CLUSTERPILOT_CORE_CARE_CLUSTER_H_
#define CLUSTERPILOT_CORE_CARE_CLUSTER_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/supercluster.h"

namespace clusterpilot {

inline constexpr int kHighestCareCluster = 21;

// True for 1-21 except 9; false for 0 ("no cluster") and anything else.
constexpr bool IsCareCluster(int number) {
  return number >= 1 && number <= kHighestCareCluster && number != 9;
}

// A patient moved cluster: both ratings have a care cluster, and they differ.
constexpr bool IsCareClusterMove(int from, int to) {
  return IsCareCluster(from) && IsCareCluster(to) && from != to;
}

// Reads a cluster as a person types it: "4", "04", "ZT04", "zt4", with
// spaces around it allowed. Returns nullopt for anything that is not a care
// cluster (also "9", "ZT09", "0", "22", "4a").
std::optional<int> ParseCareCluster(std::string_view text);

// "ZT04": the Dutch code of a care cluster.
std::string ZtCode(int cluster);

// The supercluster the regulation puts a cluster in (1-8 non-psychotic,
// 10-17 psychotic, 18-21 organic); kNone for a number that is no cluster.
Supercluster RegulationSupercluster(int cluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_CARE_CLUSTER_H_
