// Today's revenue for a synthetic institution, as a finance department would
// export it: per patient per month, the consultations billed under the
// activity-based tariffs (zorgprestatiemodel), priced at the NZa maximum
// tariffs of 2024 times a contract percentage. Invented but plausible: a
// demo's revenue file, never real billing.
#ifndef CLUSTERPILOT_GENERATOR_SYNTHETIC_REVENUE_H_
#define CLUSTERPILOT_GENERATOR_SYNTHETIC_REVENUE_H_

#include <cstdint>
#include <random>
#include <string>

namespace clusterpilot {

// The NZa maximum tariffs (2024) the demo bills, in cents.
inline constexpr int64_t kPsychologistTreatment60 = 16146;
inline constexpr int64_t kPsychologistTreatment45 = 13589;
inline constexpr int64_t kPsychologistDiagnostics60 = 18344;
inline constexpr int64_t kPsychotherapistTreatment60 = 18680;
inline constexpr int64_t kPsychiatristTreatmentLow = 25042;
inline constexpr int64_t kPsychiatristTreatmentHigh = 30861;
inline constexpr int64_t kShortConsultation = 2505;
inline constexpr int64_t kLongConsultation = 7535;

// One month's revenue for a patient whose care need is that of `cluster`
// (0: a patient who fits no cluster, treated like a moderate case): the
// consultations a team of that kind bills in a month, times
// contract_percentage (80-100). Drawn from `random`, so a seeded generator
// gives the same file every time.
int64_t SyntheticMonthRevenueCents(int cluster, int contract_percentage, std::mt19937_64& random);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_SYNTHETIC_REVENUE_H_
