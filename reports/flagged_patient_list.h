// The list of flagged patients for the care team (--with-patient-list): who
// the classifier flagged this month, with the clusters and flags, so that
// clinicians can review them. It names patients, so it is written only on
// request and never into the shared report files.
#ifndef CLUSTERPILOT_REPORTS_FLAGGED_PATIENT_LIST_H_
#define CLUSTERPILOT_REPORTS_FLAGGED_PATIENT_LIST_H_

#include <string>

#include "reports/month_snapshot.h"

namespace clusterpilot {

inline constexpr const char* kFlaggedPatientListFile = "flagged-patients.csv";

// A CSV (as Dutch Excel opens it) of every patient whose latest measurement
// in the month carries a fit flag, by department and patient id.
std::string FlaggedPatientsCsv(const MonthSnapshot& snapshot);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_FLAGGED_PATIENT_LIST_H_
