// What the classifier concludes about one measurement, in the form the store
// keeps and the reports read: the cluster, the ranked probabilities, the
// poor-fit flags with their reasons, and an explanation.
#ifndef CLUSTERPILOT_CORE_CLUSTER_ASSIGNMENT_H_
#define CLUSTERPILOT_CORE_CLUSTER_ASSIGNMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clusterpilot {

// Poor-fit flags, a fixed vocabulary; combined as a bit mask.
enum FitFlag : uint32_t {
  kFlagAmbiguous = 1u << 0,             // the two best clusters are close
  kFlagAtypical = 1u << 1,              // far from the assigned cluster's expected profile
  kFlagNoFit = 1u << 2,                 // every cluster excluded, or the best fits badly
  kFlagSuperclusterConflict = 1u << 3,  // ratings point to another supercluster
  kFlagInsufficientData = 1u << 4,      // too many unknown items to decide
};
inline constexpr uint32_t kAllFitFlags[] = {kFlagAmbiguous, kFlagAtypical, kFlagNoFit,
                                            kFlagSuperclusterConflict, kFlagInsufficientData};

// "ambiguous", "atypical", "no_fit", "supercluster_conflict",
// "insufficient_data"; "" for anything else.
std::string_view FitFlagName(uint32_t flag);

// "atypical,no_fit" for a mask; "" when no flag is set.
std::string FitFlagNames(uint32_t flags);

// The flags that mean "this patient fits the model poorly" in reports.
inline constexpr uint32_t kPoorFitFlags = kFlagAtypical | kFlagNoFit | kFlagSuperclusterConflict;

struct ClusterProbability {
  int cluster = 0;
  double probability = 0;
};

// Ranked probabilities as the store keeps them: "4:0.6210;5:0.3012;3:0.0778",
// best first, four decimals, clusters below 0.00005 left out.
std::string EncodeProbabilities(const std::vector<ClusterProbability>& ranked);

// The same into *text, replaced; allocation-free once *text has grown (the
// classify run encodes a million of them).
void EncodeProbabilities(const std::vector<ClusterProbability>& ranked, std::string* text);

// The inverse of EncodeProbabilities. Returns false on malformed text.
bool DecodeProbabilities(std::string_view text, std::vector<ClusterProbability>* ranked);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_CLUSTER_ASSIGNMENT_H_
