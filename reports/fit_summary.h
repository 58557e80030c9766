// Where the model fits poorly: how many patients carry each poor-fit flag.
#ifndef CLUSTERPILOT_REPORTS_FIT_SUMMARY_H_
#define CLUSTERPILOT_REPORTS_FIT_SUMMARY_H_

#include <array>
#include <cstdint>

#include "core/cluster_assignment.h"
#include "reports/month_snapshot.h"

namespace clusterpilot {

inline constexpr int kFitFlagCount = 5;  // the entries of kAllFitFlags

struct FitCounts {
  int64_t classified = 0;                        // patients the model classified
  std::array<int64_t, kFitFlagCount> by_flag{};  // in kAllFitFlags order; flags overlap
  int64_t poor_fit = 0;                          // with any of kPoorFitFlags

  void Count(const PatientMonth& patient);
  void Add(const FitCounts& other);
};

// True when the classifier flagged the patient as fitting the model poorly,
// or a clinician decided that no cluster fits.
bool FitsPoorly(const PatientMonth& patient);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_FIT_SUMMARY_H_
