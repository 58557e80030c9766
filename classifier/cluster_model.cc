#include "classifier/cluster_model.h"

#include <algorithm>
#include <cstdio>

#include "classifier/atypical_calibration.h"
#include "classifier/profile_model_builder.h"
#include "core/care_cluster.h"

namespace clusterpilot {
namespace {

Error ModelError(std::string field, std::string value, std::string message) {
  Error error;
  error.field = std::move(field);
  error.value = std::move(value);
  error.message = std::move(message);
  return error;
}

Status CheckThresholds(const FitThresholds& thresholds) {
  if (thresholds.max_unknown_items < 0 || thresholds.max_unknown_items > kItemCount) {
    return ModelError("max-unknown-items", std::to_string(thresholds.max_unknown_items),
                      "must be 0-19");
  }
  const struct {
    const char* name;
    double value;
    double low;
    double high;
  } checks[] = {
      {"ambiguous-margin", thresholds.ambiguous_margin, 0, 1},
      {"atypical-percentile", thresholds.atypical_percentile, 50, 100},
      {"no-fit-factor", thresholds.no_fit_factor, 1, 1000},
      {"conflict-margin", thresholds.conflict_margin, 0, 1000},
      {"decisive-probability", thresholds.decisive_probability, 0, 1},
  };
  for (const auto& check : checks) {
    if (!(check.value >= check.low && check.value <= check.high)) {
      char range[64];
      std::snprintf(range, sizeof range, "must be between %g and %g", check.low, check.high);
      return ModelError(check.name, std::to_string(check.value), range);
    }
  }
  return Status::Ok();
}

Status CheckCalibration(const ProbabilityCalibration& calibration) {
  if (!(calibration.temperature >= 0.01 && calibration.temperature <= 100)) {
    return ModelError("temperature", std::to_string(calibration.temperature),
                      "must be between 0.01 and 100");
  }
  return Status::Ok();
}

Status CheckClusters(const std::vector<ModelCluster>& clusters) {
  if (clusters.empty()) return ModelError("", "", "the model has no clusters");
  if (clusters.size() > static_cast<size_t>(kMaxModelClusters)) {
    return ModelError("", "", "the model has more than 24 clusters");
  }
  std::array<bool, 32> seen{};
  for (const ModelCluster& cluster : clusters) {
    const std::string number = std::to_string(cluster.number);
    if (!IsCareCluster(cluster.number)) {
      return ModelError("cluster", number, "not a care cluster number (1-21; 9 is unused)");
    }
    if (seen[cluster.number]) return ModelError("cluster", number, "defined twice");
    seen[cluster.number] = true;
    if (cluster.supercluster == Supercluster::kNone) {
      return ModelError("cluster", number, "belongs to no supercluster");
    }
  }
  return Status::Ok();
}

Status CheckCondition(const char* field, const ItemCondition& condition) {
  if (condition.item < 0 || condition.item >= kItemCount) {
    return ModelError(field, std::to_string(condition.item + 1), "not a HoNOS+ item (1-19)");
  }
  if (condition.rating < 0 || condition.rating > kMaxRating) {
    return ModelError(field, std::to_string(condition.rating), "not a rating (0-4)");
  }
  return Status::Ok();
}

Status CheckRules(const ClusterModelDefinition& definition, const std::array<bool, 32>& present) {
  for (const RedRule& rule : definition.red_rules) {
    Status status = CheckCondition("red rule", rule.first);
    if (status.ok() && rule.second) status = CheckCondition("red rule", *rule.second);
    if (!status.ok()) return status;
    if (rule.excluded_clusters.empty()) {
      return ModelError("red rule", rule.first.Describe(), "excludes no cluster");
    }
    for (int number : rule.excluded_clusters) {
      if (number < 0 || number >= 32 || !present[number]) {
        return ModelError(
            "red rule", rule.first.Describe(),
            "excludes cluster " + std::to_string(number) + ", which is not in this model");
      }
    }
  }
  for (const ConflictRule& rule : definition.conflict_rules) {
    Status status = CheckCondition("conflict rule", rule.condition);
    if (!status.ok()) return status;
    if (rule.chosen == Supercluster::kNone || rule.suggests == Supercluster::kNone ||
        rule.chosen == rule.suggests) {
      return ModelError("conflict rule", rule.condition.Describe(),
                        "needs two different superclusters (chosen and suggests)");
    }
  }
  return Status::Ok();
}

}  // namespace

std::string ItemCondition::Describe() const {
  std::string text = ItemCode(item) + " rated " + std::to_string(rating);
  if (match == RatingMatch::kAtLeast && rating < kMaxRating) text += " or more";
  return text;
}

Result<ClusterModel> ClusterModel::Compile(ClusterModelDefinition definition) {
  Status status = CheckClusters(definition.clusters);
  if (status.ok()) status = CheckThresholds(definition.thresholds);
  if (status.ok()) status = CheckCalibration(definition.calibration);
  if (!status.ok()) return status.error();
  for (ModelCluster& cluster : definition.clusters) {
    if (cluster.profile) {
      cluster.coefficients = ExpandProfileCoefficients(*cluster.profile, definition.expansion);
    }
  }
  ClusterModel model;
  model.definition_ = std::move(definition);
  model.index_of_number_.fill(-1);
  std::array<bool, 32> present{};
  for (int index = 0; index < model.cluster_count(); ++index) {
    model.index_of_number_[model.cluster(index).number] = static_cast<int8_t>(index);
    present[model.cluster(index).number] = true;
  }
  status = CheckRules(model.definition_, present);
  if (!status.ok()) return status.error();
  model.BuildTables();
  model.FindDefiningItems();
  for (int index = 0; index < model.cluster_count(); ++index) {
    ModelCluster& cluster = model.definition_.clusters[index];
    if (cluster.atypical_above <= 0) {
      cluster.atypical_above =
          CalibrateAtypicalThreshold(model, index, model.thresholds().atypical_percentile);
    }
  }
  return model;
}

void ClusterModel::BuildTables() {
  inverse_temperature_ = static_cast<float>(1.0 / definition_.calibration.temperature);
  for (int index = 0; index < cluster_count(); ++index) {
    const ModelCluster& cluster = definition_.clusters[index];
    const uint32_t bit = 1u << index;
    supercluster_masks_[static_cast<int>(Supercluster::kNone)] |= bit;
    supercluster_masks_[static_cast<int>(cluster.supercluster)] |= bit;
    constants_[index] = static_cast<float>(cluster.constant);
    for (int item = 0; item < kItemCount; ++item) {
      const auto& row = cluster.coefficients[item];
      const double best = *std::max_element(row.begin(), row.end());
      for (int rating = 0; rating <= kMaxRating; ++rating) {
        const float coefficient = static_cast<float>(row[rating]);
        coefficient_rows_[item][rating + 1][index] = coefficient;
        shortfall_[index][item][rating + 1] = static_cast<float>(best - row[rating]);
        row_sums_[item][rating + 1][static_cast<int>(Supercluster::kNone)] += coefficient;
        row_sums_[item][rating + 1][static_cast<int>(cluster.supercluster)] += coefficient;
      }
    }
  }
  for (const RedRule& rule : definition_.red_rules) {
    uint32_t mask = 0;
    for (int number : rule.excluded_clusters) mask |= 1u << IndexOf(number);
    if (rule.second) {
      pair_rules_.push_back(PairRule{rule.first, *rule.second, mask});
      continue;
    }
    for (int rating = 0; rating <= kMaxRating; ++rating) {
      ItemRatings probe = UnknownRatings();
      probe[rule.first.item] = static_cast<int8_t>(rating);
      if (rule.first.IsMetBy(probe)) exclusion_masks_[rule.first.item][rating + 1] |= mask;
    }
  }
}

void ClusterModel::FindDefiningItems() {
  constexpr double kDefiningWeight = 2.0;  // as profile_model_builder.cc's red rules read it
  for (int index = 0; index < cluster_count(); ++index) {
    const ModelCluster& cluster = definition_.clusters[index];
    std::array<double, kItemCount> span{};
    for (int item = 0; item < kItemCount; ++item) {
      const auto& row = cluster.coefficients[item];
      span[item] =
          *std::max_element(row.begin(), row.end()) - *std::min_element(row.begin(), row.end());
    }
    const double widest = *std::max_element(span.begin(), span.end());
    for (int item = 0; item < kItemCount; ++item) {
      const bool defining = cluster.profile ? cluster.profile->weight[item] >= kDefiningWeight
                                            : widest > 0 && span[item] >= widest / 2;
      if (!defining) continue;
      defining_items_[index] |= 1u << item;
      if (shortfall_[index][item][1] == 0) absence_items_[index] |= 1u << item;
    }
  }
}

int ClusterModel::IndexOf(int cluster_number) const {
  if (cluster_number < 0 || cluster_number >= static_cast<int>(index_of_number_.size())) return -1;
  return index_of_number_[cluster_number];
}

std::string ClusterModel::ClusterNumbersText() const {
  std::vector<int> numbers;
  for (const ModelCluster& cluster : definition_.clusters) numbers.push_back(cluster.number);
  std::sort(numbers.begin(), numbers.end());
  std::string text;
  for (size_t start = 0; start < numbers.size();) {
    size_t end = start;
    while (end + 1 < numbers.size() && numbers[end + 1] == numbers[end] + 1) ++end;
    if (!text.empty()) text += ", ";
    text += std::to_string(numbers[start]);
    if (end > start) text += "-" + std::to_string(numbers[end]);
    start = end + 1;
  }
  return text;
}

double ClusterModel::FitDistance(int cluster_index, const ItemRatings& ratings) const {
  double total = 0;
  int known = 0;
  for (int item = 0; item < kItemCount; ++item) {
    if (ratings[item] == kUnknownRating) continue;
    total += shortfall_[cluster_index][item][ratings[item] + 1];
    ++known;
  }
  return known == 0 ? 0 : total / known;
}

}  // namespace clusterpilot
