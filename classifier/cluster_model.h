// The cluster model: the data the classifier scores with, in the form of the
// Dutch regulation (per cluster a constant, per item and rating a
// coefficient, red rules that exclude clusters), plus the thresholds of the
// poor-fit flags. A ClusterModelDefinition is what a model file says; a
// ClusterModel is that definition checked and compiled into dense tables for
// the hot path. Both are plain data; nothing here reads files.
#ifndef CLUSTERPILOT_CLASSIFIER_CLUSTER_MODEL_H_
#define CLUSTERPILOT_CLASSIFIER_CLUSTER_MODEL_H_

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster_profile.h"
#include "core/error.h"
#include "core/item_ratings.h"
#include "core/supercluster.h"

namespace clusterpilot {

// Room for every care cluster (1-21 without 9) with a little to spare; a
// multiple of 8 so a coefficient row fills whole vector registers.
inline constexpr int kMaxModelClusters = 24;

// Rating slots of the dense tables: slot 0 is "unknown", slots 1-5 are the
// ratings 0-4, so a rating r (kUnknownRating = -1 included) sits at r + 1.
inline constexpr int kRatingSlots = kMaxRating + 2;

enum class RatingMatch : int8_t {
  kExactly,  // the regulation's red rules list exact answers
  kAtLeast,  // a hand-written model may say "this rating or worse"
};

// "item i rated r" or "item i rated at least r"; an unknown rating never meets it.
struct ItemCondition {
  int item = -1;  // 0-based: HV01 is 0
  int8_t rating = 0;
  RatingMatch match = RatingMatch::kExactly;

  bool IsMetBy(const ItemRatings& ratings) const {
    const int8_t given = ratings[item];
    if (given == kUnknownRating) return false;
    return match == RatingMatch::kExactly ? given == rating : given >= rating;
  }
  // "HV06 rated 4" or "HV06 rated 3 or more".
  std::string Describe() const;
};

// A red rule: the condition (and, when given, a second one) excludes the
// listed clusters.
struct RedRule {
  ItemCondition first;
  std::optional<ItemCondition> second;
  std::vector<int> excluded_clusters;  // cluster numbers

  bool IsMetBy(const ItemRatings& ratings) const {
    return first.IsMetBy(ratings) && (!second || second->IsMetBy(ratings));
  }
};

// A decisive rating that contradicts the clinician's supercluster choice,
// e.g. hallucinations rated 3 or more when non-psychotic was chosen.
struct ConflictRule {
  ItemCondition condition;
  Supercluster chosen = Supercluster::kNone;    // the choice the rating contradicts
  Supercluster suggests = Supercluster::kNone;  // where the rating points
};

// When the poor-fit flags fire. Defaults are those of the illustrative model.
struct FitThresholds {
  // More unknown items than this is insufficient_data (full-route records).
  int max_unknown_items = 6;
  // ambiguous when the best probability exceeds the runner-up's by less.
  double ambiguous_margin = 0.2;
  // Each cluster's atypical threshold is this percentile of the fit distances
  // of profiles drawn from the cluster itself (see atypical_calibration.h).
  double atypical_percentile = 98.0;
  // no_fit when the best cluster's distance exceeds its threshold this often.
  double no_fit_factor = 2.0;
  // supercluster_conflict when a cluster of another supercluster scores this
  // much higher (log-odds: 4.6 is about a hundredfold) than the best allowed one.
  double conflict_margin = 4.6;
  // A dynamic-route record decides when the best probability reaches this.
  double decisive_probability = 0.7;
};

// How a profile (expected range and weight per item) becomes coefficients:
// a rating inside the range is likely, outside_share of the probability lies
// outside it and falls by step_decay per step further out. See
// profile_model_builder.h.
struct ProfileExpansion {
  double outside_share = 0.05;
  double step_decay = 0.3;
};

// One cluster as the model file gives it: either a profile (expanded into
// coefficients when the model is compiled) or coefficients directly.
struct ModelCluster {
  int number = 0;
  std::string name;
  Supercluster supercluster = Supercluster::kNone;
  double constant = 0;
  std::optional<ClusterProfile> profile;
  // coefficients[item][rating]; filled from the profile when one is given.
  std::array<std::array<double, kMaxRating + 1>, kItemCount> coefficients{};
  // The atypical threshold; 0 means "calibrate when compiling".
  double atypical_above = 0;
};

// How scores become probabilities: softmax(score / temperature). A model
// straight from coefficients is over-confident (its probabilities say 99%
// where it is right far less often); the temperature, fitted on patients
// whose cluster is known (model_evaluation.h), spreads them until they match
// how often the model is right. 1 leaves the softmax as the regulation's.
struct ProbabilityCalibration {
  double temperature = 1.0;
};

struct ClusterModelDefinition {
  std::string name;
  std::string version;
  std::string description;
  FitThresholds thresholds;
  ProfileExpansion expansion;
  ProbabilityCalibration calibration;
  std::vector<ModelCluster> clusters;  // grouped by supercluster, as in the file
  std::vector<RedRule> red_rules;
  std::vector<ConflictRule> conflict_rules;
};

// The compiled model. Immutable after Compile, so one model may serve any
// number of threads.
class ClusterModel {
 public:
  // Checks the definition (cluster numbers 1-21 without 9 and unique, rules
  // naming clusters of the model, thresholds in range), expands profiles
  // into coefficients and calibrates every atypical threshold left at 0.
  // Errors carry no file position: the reader checks positions first.
  static Result<ClusterModel> Compile(ClusterModelDefinition definition);

  // The definition as compiled: coefficients expanded, thresholds filled in.
  const ClusterModelDefinition& definition() const { return definition_; }
  const std::string& name() const { return definition_.name; }
  const std::string& version() const { return definition_.version; }
  const FitThresholds& thresholds() const { return definition_.thresholds; }

  int cluster_count() const { return static_cast<int>(definition_.clusters.size()); }
  const ModelCluster& cluster(int index) const { return definition_.clusters[index]; }
  // The index of cluster `number`, or -1 when the model has no such cluster.
  int IndexOf(int cluster_number) const;
  // "1-8, 10-21": the cluster numbers of the model, for messages.
  std::string ClusterNumbersText() const;

  // Bit i set for each cluster index in `supercluster`; every cluster for kNone.
  uint32_t SuperclusterMask(Supercluster supercluster) const {
    return supercluster_masks_[static_cast<int>(supercluster)];
  }

  // The hot path's tables. A row holds kMaxModelClusters values by cluster
  // index; the unknown slot is all zero (unknown contributes nothing).
  const float* CoefficientRow(int item, int8_t rating) const {
    return coefficient_rows_[item][rating + 1].data();
  }
  const float* Constants() const { return constants_.data(); }
  // 1 / the calibration's temperature, which the softmax multiplies by.
  float inverse_temperature() const { return inverse_temperature_; }
  // Clusters excluded by the single-condition red rules at this rating.
  uint32_t ExclusionMask(int item, int8_t rating) const {
    return exclusion_masks_[item][rating + 1];
  }
  struct PairRule {
    ItemCondition first;
    ItemCondition second;
    uint32_t excluded_mask;
  };
  const std::vector<PairRule>& pair_rules() const { return pair_rules_; }

  // The sum of a coefficient row over the clusters of `supercluster` (all
  // clusters for kNone), so an explanation can average a row in O(1).
  float RowSum(int item, int8_t rating, Supercluster supercluster) const {
    return row_sums_[item][rating + 1][static_cast<int>(supercluster)];
  }
  // How many clusters the model has in `supercluster` (all for kNone).
  int ClusterCount(Supercluster supercluster) const {
    return std::popcount(SuperclusterMask(supercluster));
  }

  // How far a rating lies from the best the cluster allows on that item:
  // the cluster's highest coefficient for the item minus the coefficient of
  // the rating (0 for an unknown rating). Never negative.
  float Shortfall(int cluster_index, int item, int8_t rating) const {
    return shortfall_[cluster_index][item][rating + 1];
  }
  // The items that define a cluster, bit i for item i: weight 2 or more in a
  // profile-form cluster (the "*2" of data/cluster_profiles.csv); for a
  // cluster given as coefficients, items whose coefficients span at least
  // half the widest span of the cluster's items.
  uint32_t DefiningItems(int cluster_index) const { return defining_items_[cluster_index]; }
  // The defining items whose best rating is 0: the cluster is defined by
  // their absence (no self-harm, no psychotic symptoms), so a 0 there is a
  // reason worth naming; elsewhere a 0 explains nothing.
  uint32_t AbsenceItems(int cluster_index) const { return absence_items_[cluster_index]; }

  // The fit distance: the mean shortfall over the known items (0 when none
  // is known). See atypical_calibration.h for why and how it is calibrated.
  double FitDistance(int cluster_index, const ItemRatings& ratings) const;

 private:
  ClusterModel() = default;
  void BuildTables();
  void FindDefiningItems();

  ClusterModelDefinition definition_;
  std::array<uint32_t, 4> supercluster_masks_{};
  std::array<float, kMaxModelClusters> constants_{};
  float inverse_temperature_ = 1;
  std::array<std::array<std::array<float, kMaxModelClusters>, kRatingSlots>, kItemCount>
      coefficient_rows_{};
  std::array<std::array<uint32_t, kRatingSlots>, kItemCount> exclusion_masks_{};
  std::array<std::array<std::array<float, 4>, kRatingSlots>, kItemCount> row_sums_{};
  std::vector<PairRule> pair_rules_;
  std::array<std::array<std::array<float, kRatingSlots>, kItemCount>, kMaxModelClusters>
      shortfall_{};
  std::array<uint32_t, kMaxModelClusters> defining_items_{};
  std::array<uint32_t, kMaxModelClusters> absence_items_{};
  std::array<int8_t, 32> index_of_number_{};  // cluster number -> index, -1 when absent
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_CLUSTER_MODEL_H_
