// The hot path: scores every cluster of a model for one measurement, applies
// the red rules and the clinician's supercluster choice, and ranks the
// allowed clusters by softmax probability. Pure computation on the
// in-memory model into a caller-provided buffer: no allocation, no I/O.
#ifndef CLUSTERPILOT_CLASSIFIER_CLUSTER_SCORER_H_
#define CLUSTERPILOT_CLASSIFIER_CLUSTER_SCORER_H_

#include <array>
#include <cstdint>

#include "classifier/cluster_model.h"
#include "core/item_ratings.h"
#include "core/supercluster.h"

namespace clusterpilot {

struct RankedCluster {
  int8_t index = -1;  // the cluster's index in the model
  int8_t number = 0;  // its care-cluster number
  float score = 0;
  float probability = 0;
};

struct ClusterScores {
  // constant + coefficients, by cluster index, for every cluster of the
  // model (also those excluded or outside the chosen supercluster).
  std::array<float, kMaxModelClusters> score{};
  uint32_t excluded_mask = 0;  // clusters excluded by red rules, any supercluster
  uint32_t allowed_mask = 0;   // in the chosen supercluster and not excluded
  int ranked_count = 0;        // 0: nothing allowed (all excluded, or none in the model)
  // The allowed clusters, most probable first; probabilities sum to 1.
  std::array<RankedCluster, kMaxModelClusters> ranked{};
  // The highest-scoring cluster not excluded by red rules in any
  // supercluster, -1 when every cluster is excluded.
  int8_t best_overall_index = -1;

  const RankedCluster* best() const { return ranked_count > 0 ? &ranked[0] : nullptr; }
  const RankedCluster* runner_up() const { return ranked_count > 1 ? &ranked[1] : nullptr; }
};

// Scores `ratings` for the clusters of `chosen` (all clusters for kNone).
// Ties rank the lower cluster number first. Thread-safe: reads the model only.
void ScoreClusters(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                   ClusterScores* scores);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_CLUSTER_SCORER_H_
