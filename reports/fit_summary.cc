#include "reports/fit_summary.h"

namespace clusterpilot {

// A clinician who found no cluster fitting says the model fits poorly, flag
// or not: the pilot wants exactly these counted.
bool FitsPoorly(const PatientMonth& patient) {
  return patient.classified &&
         ((patient.flags & kPoorFitFlags) != 0 || patient.clinician_no_cluster);
}

void FitCounts::Count(const PatientMonth& patient) {
  if (!patient.classified) return;
  ++classified;
  for (int i = 0; i < kFitFlagCount; ++i) {
    if ((patient.flags & kAllFitFlags[i]) != 0) ++by_flag[i];
  }
  if (FitsPoorly(patient)) ++poor_fit;
}

void FitCounts::Add(const FitCounts& other) {
  classified += other.classified;
  for (int i = 0; i < kFitFlagCount; ++i) by_flag[i] += other.by_flag[i];
  poor_fit += other.poor_fit;
}

}  // namespace clusterpilot
