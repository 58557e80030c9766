// How far is too far from a cluster's expected profile: the calibration of
// the `atypical` flag.
//
// The fit distance of ratings to a cluster (ClusterModel::FitDistance) is the
// mean, over the known items, of each rating's shortfall: the cluster's best
// coefficient for the item minus the coefficient of the given rating. It is
// absolute, unlike a probability: it does not depend on how the other
// clusters score. For a profile-form cluster the shortfall is 0 inside the
// expected range and grows with the item's weight and with every step
// outside it; for a cluster given as coefficients it is the same quantity
// read off the coefficients, whose best rating per item stands for the
// cluster's expected profile.
//
// Calibration: the model itself says which ratings are typical of a cluster.
// Read as a distribution, item by item, each rating r of item i appears with
// probability proportional to exp(coefficient(i, r)); for a profile-form
// cluster of weight 1 that is exactly the expanded profile (mostly inside the
// range, a share outside that thins out with distance), a heavier weight
// keeps the defining items closer to their range. We draw kCalibrationSamples
// complete profiles from that distribution with a fixed seed per cluster,
// compute their fit distances, and take the given percentile (98 by
// default), rounded up to 4 decimals, as the cluster's threshold: about 2% of
// the cluster's own typical patients trip `atypical`, by construction.
// `no_fit` fires at FitThresholds::no_fit_factor times the threshold.
//
// A model file may state `atypical-above` per cluster instead, e.g. after an
// institution calibrated it on its own typical cases; then that value is used.
#ifndef CLUSTERPILOT_CLASSIFIER_ATYPICAL_CALIBRATION_H_
#define CLUSTERPILOT_CLASSIFIER_ATYPICAL_CALIBRATION_H_

#include <array>
#include <cstdint>

#include "core/item_ratings.h"

namespace clusterpilot {

class ClusterModel;

inline constexpr int kCalibrationSamples = 4000;

// Cluster `cluster_index`'s own rating distribution (see above), its weights
// computed once: the calibration draws thousands of profiles per cluster at
// every model load, and an exp() per item and rating of each draw was most of
// a classify run's start-up.
class ClusterRatingDistribution {
 public:
  ClusterRatingDistribution(const ClusterModel& model, int cluster_index);

  // Ratings drawn from the distribution, all 19 items known. `state` is a
  // splitmix64 state the call advances, so the same state gives the same
  // ratings on every platform.
  ItemRatings Draw(uint64_t* state) const;

 private:
  std::array<std::array<double, kMaxRating + 1>, kItemCount> weights_;
  std::array<double, kItemCount> totals_;
};

// One draw from a distribution made for the occasion (see above).
ItemRatings DrawClusterRatings(const ClusterModel& model, int cluster_index, uint64_t* state);

// The calibrated atypical threshold of one cluster (> 0). Deterministic.
double CalibrateAtypicalThreshold(const ClusterModel& model, int cluster_index, double percentile);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_ATYPICAL_CALIBRATION_H_
