// Fitting and checking the temperature of a model's softmax
// (ProbabilityCalibration in cluster_model.h) on measurements whose true
// cluster is known.
//
// What is calibrated is the probability a clinician reads next to the
// cluster: among measurements shown "80%", about 80% should really be that
// cluster. Each case keeps the score gaps of its ranked clusters and whether
// the top one was right (a deliberately ill-fitting profile never is), so
// its top probability can be recomputed at any temperature. The temperature
// minimises the log loss of "top cluster right" over the fitting set; the
// expected calibration error (ECE) is the case-weighted mean, over ten
// equal-width bins of the top probability, of |share right - mean
// probability|.
#ifndef CLUSTERPILOT_CLASSIFIER_PROBABILITY_CALIBRATION_H_
#define CLUSTERPILOT_CLASSIFIER_PROBABILITY_CALIBRATION_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "classifier/cluster_scorer.h"

namespace clusterpilot {

inline constexpr int kReliabilityBins = 10;

struct ReliabilityBin {
  int64_t count = 0;
  double mean_probability = 0;  // of the cases in the bin
  double share_right = 0;       // of the cases in the bin whose top cluster was right
};

using ReliabilityTable = std::array<ReliabilityBin, kReliabilityBins>;

class CalibrationSet {
 public:
  // Adds one scored measurement; nothing when no cluster was allowed.
  void Add(const ClusterScores& scores, bool top_is_right);

  size_t size() const { return right_.size(); }
  // The top probability of case `i` at `temperature`.
  double TopProbability(size_t i, double temperature) const;
  // Mean negative log-likelihood of right/wrong under the top probability.
  double LogLoss(double temperature) const;
  // The ECE at `temperature`; *table (when given) receives the bins.
  double ExpectedCalibrationError(double temperature, ReliabilityTable* table = nullptr) const;

 private:
  // Gaps (score - best score, <= 0) of the runners-up, kMaxModelClusters - 1
  // per case; unused slots hold a gap too large to count.
  std::vector<float> gaps_;
  std::vector<bool> right_;
};

// The temperature in [0.05, 50] that minimises the log loss (a golden-section
// search on its logarithm), rounded to 3 significant digits so a model file
// states it plainly. 1 for an empty set.
double FitTemperature(const CalibrationSet& cases);

// A reliability diagram as a self-contained SVG: per bin the share right
// against the mean probability, before (at temperature 1) and after
// calibration, with the diagonal of perfect calibration and both ECEs.
std::string ReliabilityDiagramSvg(const ReliabilityTable& before, double ece_before,
                                  const ReliabilityTable& after, double ece_after);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_PROBABILITY_CALIBRATION_H_
