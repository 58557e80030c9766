// The care clusters of the Dutch regulation: numbered 1 to 21, with 9 not in
// use. Every check of a cluster number goes through here.
#ifndef CLUSTERPILOT_CORE_CARE_CLUSTER_H_
#define CLUSTERPILOT_CORE_CARE_CLUSTER_H_

namespace clusterpilot {

inline constexpr int kHighestCareCluster = 21;

// True for 1-21 except 9; false for 0 ("no cluster") and anything else.
constexpr bool IsCareCluster(int number) {
  return number >= 1 && number <= kHighestCareCluster && number != 9;
}

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_CARE_CLUSTER_H_
