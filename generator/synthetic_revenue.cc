#include "generator/synthetic_revenue.h"

#include <cstdio>

namespace clusterpilot {
namespace {

// How many consultations of each kind a month of care brings, by severity.
struct MonthOfCare {
  int psychologist_sessions_low;  // 45 or 60 minutes
  int psychologist_sessions_high;
  int psychotherapist_sessions;  // at most this many, 60 minutes
  int psychiatrist_sessions;     // at most this many
  int consultations;             // inter-collegial, short or long
};

MonthOfCare CareFor(int cluster) {
  switch (cluster) {
    case 1:
      return {1, 2, 0, 0, 1};
    case 2:
      return {2, 3, 0, 0, 1};
    case 3:
    case 6:
      return {2, 4, 1, 1, 1};
    case 4:
      return {3, 4, 1, 1, 2};
    case 5:
      return {3, 6, 2, 2, 3};
    case 7:
      return {2, 3, 1, 1, 3};
    case 8:
      return {3, 6, 2, 1, 3};
    case 10:
    case 13:
    case 16:
      return {1, 3, 1, 2, 3};
    case 11:
      return {0, 1, 0, 1, 2};
    case 12:
      return {1, 2, 0, 1, 3};
    case 14:
      return {2, 4, 0, 4, 4};  // a psychotic crisis: the psychiatrist weekly
    case 15:
      return {2, 4, 1, 2, 3};
    case 17:
      return {1, 2, 0, 2, 4};
    case 18:
      return {0, 1, 0, 1, 1};
    case 19:
      return {0, 2, 0, 1, 2};
    case 20:
      return {1, 2, 0, 1, 3};
    case 21:
      return {1, 2, 0, 2, 3};
    default:
      return {2, 4, 1, 1, 2};  // fits no cluster: a searching, moderate course
  }
}

int Between(int low, int high, std::mt19937_64& random) {
  return low + static_cast<int>(random() % static_cast<uint64_t>(high - low + 1));
}

}  // namespace

int64_t SyntheticMonthRevenueCents(int cluster, int contract_percentage, std::mt19937_64& random) {
  const MonthOfCare care = CareFor(cluster);
  int64_t cents = 0;
  const int psychologist =
      Between(care.psychologist_sessions_low, care.psychologist_sessions_high, random);
  for (int i = 0; i < psychologist; ++i) {
    const uint64_t kind = random() % 10;
    cents += kind == 0  ? kPsychologistDiagnostics60
             : kind < 4 ? kPsychologistTreatment45
                        : kPsychologistTreatment60;
  }
  cents += Between(0, care.psychotherapist_sessions, random) * kPsychotherapistTreatment60;
  const int psychiatrist = Between(0, care.psychiatrist_sessions, random);
  for (int i = 0; i < psychiatrist; ++i) {
    cents += random() % 3 == 0 ? kPsychiatristTreatmentHigh : kPsychiatristTreatmentLow;
  }
  const int consultations = Between(0, care.consultations, random);
  for (int i = 0; i < consultations; ++i) {
    cents += random() % 4 == 0 ? kLongConsultation : kShortConsultation;
  }
  return cents * contract_percentage / 100;
}

}  // namespace clusterpilot
