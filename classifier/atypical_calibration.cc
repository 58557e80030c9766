#include "classifier/atypical_calibration.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "classifier/cluster_model.h"

namespace clusterpilot {
namespace {

// splitmix64: tiny, fast and the same everywhere, unlike the distributions of
// <random>, whose output differs between standard libraries.
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

double NextUniform(uint64_t* state) {
  return static_cast<double>(NextRandom(state) >> 11) * 0x1.0p-53;
}

}  // namespace

ClusterRatingDistribution::ClusterRatingDistribution(const ClusterModel& model, int cluster_index) {
  const ModelCluster& cluster = model.cluster(cluster_index);
  for (int item = 0; item < kItemCount; ++item) {
    const auto& row = cluster.coefficients[item];
    const double best = *std::max_element(row.begin(), row.end());
    double total = 0;
    for (int rating = 0; rating <= kMaxRating; ++rating) {
      weights_[item][rating] = std::exp(row[rating] - best);
      total += weights_[item][rating];
    }
    totals_[item] = total;
  }
}

ItemRatings ClusterRatingDistribution::Draw(uint64_t* state) const {
  ItemRatings ratings{};
  for (int item = 0; item < kItemCount; ++item) {
    const auto& weights = weights_[item];
    double draw = NextUniform(state) * totals_[item];
    int rating = 0;
    while (rating < kMaxRating && draw >= weights[rating]) draw -= weights[rating++];
    ratings[item] = static_cast<int8_t>(rating);
  }
  return ratings;
}

ItemRatings DrawClusterRatings(const ClusterModel& model, int cluster_index, uint64_t* state) {
  return ClusterRatingDistribution(model, cluster_index).Draw(state);
}

double CalibrateAtypicalThreshold(const ClusterModel& model, int cluster_index, double percentile) {
  uint64_t state =
      0x636C757374657221ull ^ static_cast<uint64_t>(model.cluster(cluster_index).number);
  const ClusterRatingDistribution distribution(model, cluster_index);
  std::vector<double> distances(kCalibrationSamples);
  for (double& distance : distances) {
    distance = model.FitDistance(cluster_index, distribution.Draw(&state));
  }
  const size_t rank = std::min(
      distances.size() - 1,
      static_cast<size_t>(std::ceil(percentile / 100.0 * static_cast<double>(distances.size()))));
  std::nth_element(distances.begin(), distances.begin() + static_cast<long>(rank), distances.end());
  const double threshold = std::ceil(distances[rank] * 1e4) / 1e4;
  return std::max(threshold, 1e-4);
}

}  // namespace clusterpilot
