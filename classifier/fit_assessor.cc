#include "classifier/fit_assessor.h"

#include <algorithm>

#include "core/cluster_assignment.h"
#include "core/rating_text.h"

namespace clusterpilot {
namespace {

constexpr int kItemsNamed = 3;

bool IsInsufficient(const ClusterModel& model, int max_unknown_items,
                    const Measurement& measurement, const ClusterScores& scores,
                    int unknown_count) {
  if (unknown_count == kItemCount) return true;
  if (measurement.route != RatingRoute::kDynamic) return unknown_count > max_unknown_items;
  const RankedCluster* best = scores.best();
  return best != nullptr && best->probability < model.thresholds().decisive_probability;
}

// True when a cluster of another supercluster fits the ratings well while the
// best allowed cluster fits them badly (or nothing is allowed), and it scores
// at least conflict_margin higher. Mostly-zero ratings score well on the mild
// clusters of every supercluster; requiring a good fit keeps those out.
bool PointsElsewhere(const ClusterModel& model, const ItemRatings& ratings,
                     const ClusterScores& scores, const FitAssessment& fit) {
  const int other = scores.best_overall_index;
  if (other < 0 || (scores.allowed_mask & (1u << other)) != 0) return false;
  if (model.FitDistance(other, ratings) > model.cluster(other).atypical_above) return false;
  const RankedCluster* best = scores.best();
  if (best == nullptr) return true;
  return fit.distance > fit.threshold &&
         scores.score[other] - best->score >= model.thresholds().conflict_margin;
}

void AssessConflict(const ClusterModel& model, const Measurement& measurement,
                    const ClusterScores& scores, FitAssessment* fit) {
  const Supercluster chosen = measurement.supercluster;
  if (chosen == Supercluster::kNone) return;
  const auto& rules = model.definition().conflict_rules;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].chosen == chosen && rules[i].condition.IsMetBy(measurement.ratings)) {
      fit->conflict_rule = static_cast<int>(i);
      break;
    }
  }
  if (PointsElsewhere(model, measurement.ratings, scores, *fit)) {
    fit->conflict_cluster_index = scores.best_overall_index;
  }
  if (fit->conflict_rule >= 0 || fit->conflict_cluster_index >= 0) {
    fit->flags |= kFlagSuperclusterConflict;
  }
}

// ", HV08 type F (usual types A, B)" when the profile names the HV08 types
// typical of the cluster and the measurement's is not one of them.
void AppendUnusualHv08Type(const ClusterModel& model, int cluster_index,
                           const Measurement& measurement, std::string* text) {
  const ModelCluster& cluster = model.cluster(cluster_index);
  constexpr int kHv08 = 7;
  if (!cluster.profile || cluster.profile->hv08_types.empty() || measurement.hv08_type == 0 ||
      measurement.ratings[kHv08] < 1 ||
      cluster.profile->hv08_types.find(measurement.hv08_type) != std::string::npos) {
    return;
  }
  text->append(std::string(", HV08 type ") + measurement.hv08_type + " (usual types ");
  for (size_t i = 0; i < cluster.profile->hv08_types.size(); ++i) {
    text->append(i == 0 ? "" : ", ");
    text->push_back(cluster.profile->hv08_types[i]);
  }
  text->push_back(')');
}

// Names up to three items whose ratings lie furthest from the cluster's
// expected profile, with the usual range when the cluster has a profile, and
// an HV08 type the cluster does not usually see.
void AppendUnusualItems(const ClusterModel& model, int cluster_index,
                        const Measurement& measurement, std::string* text) {
  const ItemRatings& ratings = measurement.ratings;
  int items[kItemCount];
  int count = 0;
  for (int item = 0; item < kItemCount; ++item) {
    if (ratings[item] != kUnknownRating &&
        model.Shortfall(cluster_index, item, ratings[item]) > 0) {
      items[count++] = item;
    }
  }
  std::stable_sort(items, items + count, [&](int a, int b) {
    return model.Shortfall(cluster_index, a, ratings[a]) >
           model.Shortfall(cluster_index, b, ratings[b]);
  });
  const ModelCluster& cluster = model.cluster(cluster_index);
  for (int i = 0; i < std::min(count, kItemsNamed); ++i) {
    const int item = items[i];
    text->append(i == 0 ? ": " : ", ");
    AppendItemRating(item, ratings[item], text);
    if (cluster.profile) {
      const int low = cluster.profile->low[item];
      const int high = cluster.profile->high[item];
      text->append(" (usual " + std::to_string(low));
      if (high != low) text->append("-" + std::to_string(high));
      text->push_back(')');
    }
  }
  AppendUnusualHv08Type(model, cluster_index, measurement, text);
}

std::string SuperclusterWords(Supercluster supercluster) {
  return supercluster == Supercluster::kNone ? "" : SuperclusterName(supercluster) + " ";
}

void DescribeInsufficient(const ClusterModel& model, int max_unknown_items,
                          const Measurement& measurement, const ClusterScores& scores,
                          const FitAssessment& fit, std::string* text) {
  const int known = kItemCount - fit.unknown_count;
  if (known == 0) {
    text->append("no item was rated: nothing to decide on");
  } else if (measurement.route == RatingRoute::kDynamic) {
    text->append("dynamic route: the " + std::to_string(known) +
                 " answered items do not decide (best: cluster " +
                 std::to_string(scores.best()->number) + " at ");
    AppendPercent(scores.best()->probability, text);
    text->append(", ");
    AppendPercent(model.thresholds().decisive_probability, text);
    text->append(" needed)");
  } else {
    text->append(std::to_string(fit.unknown_count) + " of 19 items unknown (at most " +
                 std::to_string(max_unknown_items) +
                 " allowed): too few ratings to decide reliably");
  }
}

void DescribeNoFit(const ClusterModel& model, const Measurement& measurement,
                   const ClusterScores& scores, std::string* text) {
  const Supercluster chosen = measurement.supercluster;
  const uint32_t candidates = model.SuperclusterMask(chosen);
  if (scores.best() != nullptr) {
    text->append("fits no cluster well: even the closest, cluster " +
                 std::to_string(scores.best()->number) + ", differs from its usual profile");
    AppendUnusualItems(model, scores.best()->index, measurement, text);
    return;
  }
  if (candidates == 0) {
    text->append("the model has no " + SuperclusterWords(chosen) + "clusters");
    return;
  }
  text->append("every " + SuperclusterWords(chosen) + "cluster is excluded by the red rules on");
  bool named[kItemCount] = {};
  int count = 0;
  for (const RedRule& rule : model.definition().red_rules) {
    if (!rule.IsMetBy(measurement.ratings)) continue;
    for (const ItemCondition* condition : {&rule.first, rule.second ? &*rule.second : nullptr}) {
      if (condition == nullptr || named[condition->item]) continue;
      named[condition->item] = true;
      text->append(count++ == 0 ? " " : ", ");
      AppendItemRating(condition->item, measurement.ratings[condition->item], text);
    }
  }
}

void DescribeConflict(const ClusterModel& model, const Measurement& measurement,
                      const FitAssessment& fit, std::string* text) {
  const std::string chosen = SuperclusterName(measurement.supercluster);
  if (fit.conflict_rule >= 0) {
    const ConflictRule& rule = model.definition().conflict_rules[fit.conflict_rule];
    AppendItemLabel(rule.condition.item, text);
    text->append(" rated " + std::to_string(measurement.ratings[rule.condition.item]) + " but " +
                 chosen + " chosen: this points to " + SuperclusterName(rule.suggests));
    if (fit.conflict_cluster_index >= 0) text->append(", and ");
  }
  if (fit.conflict_cluster_index >= 0) {
    const ModelCluster& other = model.cluster(fit.conflict_cluster_index);
    text->append("the ratings fit " + SuperclusterName(other.supercluster) + " cluster " +
                 std::to_string(other.number) + " far better than any " + chosen + " cluster");
  }
}

}  // namespace

void AssessFit(const ClusterModel& model, int max_unknown_items, const Measurement& measurement,
               const ClusterScores& scores, FitAssessment* fit) {
  *fit = FitAssessment();
  fit->unknown_count = CountUnknown(measurement.ratings);
  if (IsInsufficient(model, max_unknown_items, measurement, scores, fit->unknown_count)) {
    fit->flags |= kFlagInsufficientData;
  }
  const RankedCluster* best = scores.best();
  if (best == nullptr) {
    fit->flags |= kFlagNoFit;
  } else {
    fit->distance = model.FitDistance(best->index, measurement.ratings);
    fit->threshold = model.cluster(best->index).atypical_above;
    if (fit->distance > fit->threshold * model.thresholds().no_fit_factor) {
      fit->flags |= kFlagNoFit;
    } else if (fit->distance > fit->threshold) {
      fit->flags |= kFlagAtypical;
    }
    const RankedCluster* second = scores.runner_up();
    if (second != nullptr &&
        best->probability - second->probability < model.thresholds().ambiguous_margin) {
      fit->flags |= kFlagAmbiguous;
    }
  }
  AssessConflict(model, measurement, scores, fit);
}

void DescribeFit(const ClusterModel& model, int max_unknown_items, const Measurement& measurement,
                 const ClusterScores& scores, const FitAssessment& fit, std::string* text) {
  bool first = true;
  for (uint32_t flag : kAllFitFlags) {
    if ((fit.flags & flag) == 0) continue;
    if (!first) text->push_back('\n');
    first = false;
    switch (flag) {
      case kFlagAmbiguous:
        text->append("clusters " + std::to_string(scores.ranked[0].number) + " (");
        AppendPercent(scores.ranked[0].probability, text);
        text->append(") and " + std::to_string(scores.ranked[1].number) + " (");
        AppendPercent(scores.ranked[1].probability, text);
        text->append(") are close: check which fits better");
        break;
      case kFlagAtypical:
        text->append("unusual ratings for cluster " + std::to_string(scores.best()->number));
        AppendUnusualItems(model, scores.best()->index, measurement, text);
        break;
      case kFlagNoFit:
        DescribeNoFit(model, measurement, scores, text);
        break;
      case kFlagSuperclusterConflict:
        DescribeConflict(model, measurement, fit, text);
        break;
      case kFlagInsufficientData:
        DescribeInsufficient(model, max_unknown_items, measurement, scores, fit, text);
        break;
    }
  }
}

}  // namespace clusterpilot
