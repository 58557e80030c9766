#include "core/measurement.h"

namespace clusterpilot {

std::string RatingRouteName(RatingRoute route) {
  switch (route) {
    case RatingRoute::kFull:
      return "full";
    case RatingRoute::kDynamic:
      return "dynamic";
    case RatingRoute::kUnknown:
      break;
  }
  return "";
}

bool SameRating(const Measurement& a, const Measurement& b) {
  return a.ratings == b.ratings && a.hv08_type == b.hv08_type && a.supercluster == b.supercluster &&
         a.clinician == b.clinician && a.route == b.route;
}

}  // namespace clusterpilot
