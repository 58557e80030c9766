// One HoNOS+ rating of one patient on one day in one department.
#ifndef CLUSTERPILOT_CORE_MEASUREMENT_H_
#define CLUSTERPILOT_CORE_MEASUREMENT_H_

#include <cstdint>
#include <string>

#include "core/calendar_date.h"
#include "core/item_ratings.h"
#include "core/supercluster.h"

namespace clusterpilot {

// How the rating tool walked the questionnaire, when the export says so.
// A dynamic-route record normally leaves many items unasked.
enum class RatingRoute : int8_t { kUnknown = 0, kFull = 1, kDynamic = 2 };

// "full", "dynamic" or "" for kUnknown.
std::string RatingRouteName(RatingRoute route);

struct Measurement {
  int64_t id = 0;          // the store's id; 0 until stored
  std::string patient_id;  // as the institution exported it (pseudonymised)
  std::string department;
  CalendarDate rating_date;
  std::string clinician;  // may be empty
  Supercluster supercluster = Supercluster::kNone;
  ItemRatings ratings = UnknownRatings();
  char hv08_type = 0;  // 'A'..'J', or 0 when not given
  RatingRoute route = RatingRoute::kUnknown;
  // Who receives the patient's cluster payment (the cashier model): the
  // department of the coordinating clinician, when the export names it.
  std::string coordinating_department;  // may be empty
  std::string organisation;             // the department's organisation; may be empty
};

// True when both carry the same ratings, HV08 type, supercluster, clinician
// and route: a re-export of the same rating rather than a conflicting one.
// The coordinating department and organisation are administration, not the
// rating: a re-export that changes only those is the same rating.
bool SameRating(const Measurement& a, const Measurement& b);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_MEASUREMENT_H_
