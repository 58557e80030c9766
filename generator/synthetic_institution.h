// A synthetic GGZ institution: patients in departments with realistic cluster
// mixes, rated and re-rated over months with ratings drawn around the cluster
// profiles of data/cluster_profiles.csv. No real patient is involved; every
// measurement also carries the cluster it was drawn from, so the classifier
// can be evaluated against the truth.
#ifndef CLUSTERPILOT_GENERATOR_SYNTHETIC_INSTITUTION_H_
#define CLUSTERPILOT_GENERATOR_SYNTHETIC_INSTITUTION_H_

#include <cstdint>
#include <functional>
#include <random>

#include "core/calendar_month.h"
#include "core/cluster_profile.h"
#include "core/item_ratings.h"
#include "core/measurement.h"

namespace clusterpilot {

struct SyntheticOptions {
  int patients = 1000;
  int months = 12;
  int departments = 7;  // 6..20: the named clinical departments first, then regional copies
  uint64_t seed = 1;
  CalendarMonth last_month{2026, 10};  // the last month that has ratings
};

struct SyntheticMeasurement {
  // patient_id like "SYN000123", department name, date, clinician,
  // supercluster, ratings, hv08_type, route, coordinating department and
  // organisation.
  Measurement measurement;
  // The cluster whose profile the ratings were drawn around; 0 = deliberately
  // ill-fitting (fits no cluster).
  int true_cluster = 0;
};

// Calls `emit` for every measurement, patient after patient and each
// patient's ratings in date order. Deterministic for options.seed (on every
// platform: no standard distributions are used); holds one patient at a
// time, never all measurements. Each patient has one main department, which
// coordinates, and is rated there at most once a month; a few percent are
// also rated by a partner department (addiction care beside psychiatry)
// later in some of those months. So the natural key is unique.
void GenerateInstitution(const SyntheticOptions& options,
                         const std::function<void(const SyntheticMeasurement&)>& emit);

// Ratings of a typical patient of `profile`: each known item inside the
// profile's range, with occasional unknowns (none in most measurements, at
// most two, about 3% of all items).
ItemRatings SampleTypicalRatings(const ClusterProfile& profile, std::mt19937_64& random);

// Ratings of a deliberately ill-fitting patient: psychosomatic complaints
// (physical illness with somatoform, eating or sleep problems) and little
// else, a profile no cluster describes.
ItemRatings SampleIllFittingRatings(std::mt19937_64& random);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_SYNTHETIC_INSTITUTION_H_
