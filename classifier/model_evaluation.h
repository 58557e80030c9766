// How well a model does on measurements whose true cluster is known (the
// synthetic generator's truth): top-1 accuracy on typical profiles, how
// often the poor-fit flags atypical and no_fit fire on typical and on
// deliberately ill-fitting profiles, and a confusion matrix per supercluster,
// written as a plain-text report.
#ifndef CLUSTERPILOT_CLASSIFIER_MODEL_EVALUATION_H_
#define CLUSTERPILOT_CLASSIFIER_MODEL_EVALUATION_H_

#include <array>
#include <cstdint>
#include <string>

#include "classifier/cluster_model.h"
#include "classifier/measurement_classifier.h"

namespace clusterpilot {

// Cluster numbers 0 (none, or ill-fitting) to 21 index the tallies.
inline constexpr int kClusterSlots = 22;

class ModelEvaluation {
 public:
  explicit ModelEvaluation(const ClusterModel& model) : model_(model) {}

  // Counts one classified measurement; true_cluster 0 marks a deliberately
  // ill-fitting profile.
  void Add(int true_cluster, const MeasurementClassification& result);

  int64_t typical() const { return typical_; }
  int64_t ill_fitting() const { return ill_fitting_; }
  // Share of typical profiles assigned their true cluster.
  double TypicalAccuracy() const;
  // Share flagged atypical or no_fit, among typical and among ill-fitting profiles.
  double TypicalPoorFitRate() const;
  double IllFittingPoorFitRate() const;
  // Measurements of `true_cluster` assigned `assigned` (0: no cluster).
  int64_t Confusion(int true_cluster, int assigned) const {
    return confusion_[true_cluster][assigned];
  }

  // The rates against the targets, the flag counts and one
  // confusion matrix per supercluster (rows: true cluster; columns: the
  // supercluster's clusters, then "other" for a cluster of another
  // supercluster and "none"), then where the ill-fitting profiles went.
  std::string Report() const;

 private:
  const ClusterModel& model_;
  int64_t typical_ = 0;
  int64_t typical_correct_ = 0;
  int64_t typical_poor_fit_ = 0;
  int64_t ill_fitting_ = 0;
  int64_t ill_fitting_poor_fit_ = 0;
  std::array<std::array<int64_t, kClusterSlots>, kClusterSlots> confusion_{};
  std::array<std::array<int64_t, 5>, 2> flag_counts_{};  // [typical, ill-fitting][flag]
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_MODEL_EVALUATION_H_
