#include "classifier/profile_model_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace clusterpilot {
namespace {

// A rating three steps beyond the range of a defining item is a red flag.
constexpr int kRedRuleSteps = 3;
constexpr double kDefiningWeight = 2.0;

// Steps from `rating` to the range [low, high]; 0 inside it.
int StepsOutside(int rating, int low, int high) {
  if (rating < low) return low - rating;
  if (rating > high) return rating - high;
  return 0;
}

}  // namespace

ItemCoefficients ExpandProfileCoefficients(const ClusterProfile& profile,
                                           const ProfileExpansion& expansion) {
  ItemCoefficients coefficients{};
  for (int item = 0; item < kItemCount; ++item) {
    const double weight = profile.weight[item];
    if (weight <= 0) continue;
    const int low = profile.low[item];
    const int high = profile.high[item];
    const int inside = high - low + 1;
    double outside_total = 0;
    for (int rating = 0; rating <= kMaxRating; ++rating) {
      const int steps = StepsOutside(rating, low, high);
      if (steps > 0) outside_total += std::pow(expansion.step_decay, steps - 1);
    }
    const double inside_share = outside_total > 0 ? 1 - expansion.outside_share : 1;
    for (int rating = 0; rating <= kMaxRating; ++rating) {
      const int steps = StepsOutside(rating, low, high);
      const double probability =
          steps == 0
              ? inside_share / inside
              : expansion.outside_share * std::pow(expansion.step_decay, steps - 1) / outside_total;
      coefficients[item][rating] = weight * std::log(probability);
    }
  }
  return coefficients;
}

std::vector<RedRule> DeriveRedRules(const std::vector<ClusterProfile>& profiles) {
  std::map<std::pair<int, int>, std::vector<int>> excluded;  // (item, rating) -> clusters
  for (const ClusterProfile& profile : profiles) {
    for (int item = 0; item < kItemCount; ++item) {
      const int rating = profile.high[item] + kRedRuleSteps;
      if (profile.weight[item] >= kDefiningWeight && rating <= kMaxRating) {
        excluded[{item, rating}].push_back(profile.cluster);
      }
    }
  }
  std::vector<RedRule> rules;
  for (auto& [condition, clusters] : excluded) {
    std::sort(clusters.begin(), clusters.end());
    RedRule rule;
    rule.first = ItemCondition{condition.first, static_cast<int8_t>(condition.second),
                               RatingMatch::kAtLeast};
    rule.excluded_clusters = std::move(clusters);
    rules.push_back(std::move(rule));
  }
  return rules;
}

ClusterModelDefinition BuildProfileModelDefinition(const std::vector<ClusterProfile>& profiles) {
  ClusterModelDefinition definition;
  for (Supercluster supercluster :
       {Supercluster::kNonPsychotic, Supercluster::kPsychotic, Supercluster::kOrganic}) {
    for (const ClusterProfile& profile : profiles) {
      if (profile.supercluster != supercluster) continue;
      ModelCluster& cluster = definition.clusters.emplace_back();
      cluster.number = profile.cluster;
      cluster.name = profile.name;
      cluster.supercluster = profile.supercluster;
      cluster.profile = profile;
    }
  }
  definition.red_rules = DeriveRedRules(profiles);
  return definition;
}

}  // namespace clusterpilot
