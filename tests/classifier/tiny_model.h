// A four-cluster model small enough to score by hand, for the tests of the
// scorer, the fit assessor and the explainer.
//
//   cluster 1 (X), constant 0:    HV07 0..4 -> 0, 0, -1, -3, -5
//   cluster 2 (X), constant 0.5:  HV07 0..4 -> -5, -3, -1, 0, 0
//   cluster 10 (Y), constant -1:  HV06 0..4 -> -4, -2, 0, 0, 0; HV07 -> 0, 0, 0, -1, -2
//   cluster 18 (Z), constant -2:  HV04 0..4 -> -4, -1, 0, 0, 0
//   red rules: HV02 rated 4 excludes 1; HV06 rated 3 or more excludes 1 and 2;
//              HV03 rated 4 with HV09 rated 3 or more excludes 2
//   conflict rule: HV06 rated 3 or more with X chosen suggests Y
#ifndef CLUSTERPILOT_TESTS_CLASSIFIER_TINY_MODEL_H_
#define CLUSTERPILOT_TESTS_CLASSIFIER_TINY_MODEL_H_

#include <gtest/gtest.h>

#include "classifier/cluster_model.h"

namespace clusterpilot {

// Items by number as the questionnaire writes them.
inline constexpr int Hv(int number) { return number - 1; }

inline ModelCluster TinyCluster(int number, Supercluster supercluster, double constant) {
  ModelCluster cluster;
  cluster.number = number;
  cluster.name = "cluster " + std::to_string(number);
  cluster.supercluster = supercluster;
  cluster.constant = constant;
  return cluster;
}

inline ClusterModelDefinition TinyModelDefinition() {
  ClusterModelDefinition definition;
  definition.name = "tiny";
  definition.version = "1";
  ModelCluster one = TinyCluster(1, Supercluster::kNonPsychotic, 0);
  one.coefficients[Hv(7)] = {0, 0, -1, -3, -5};
  ModelCluster two = TinyCluster(2, Supercluster::kNonPsychotic, 0.5);
  two.coefficients[Hv(7)] = {-5, -3, -1, 0, 0};
  ModelCluster ten = TinyCluster(10, Supercluster::kPsychotic, -1);
  ten.coefficients[Hv(6)] = {-4, -2, 0, 0, 0};
  ten.coefficients[Hv(7)] = {0, 0, 0, -1, -2};
  ModelCluster eighteen = TinyCluster(18, Supercluster::kOrganic, -2);
  eighteen.coefficients[Hv(4)] = {-4, -1, 0, 0, 0};
  definition.clusters = {one, two, ten, eighteen};
  RedRule self_injury{{Hv(2), 4, RatingMatch::kExactly}, std::nullopt, {1}};
  RedRule hallucinations{{Hv(6), 3, RatingMatch::kAtLeast}, std::nullopt, {1, 2}};
  RedRule drinking{
      {Hv(3), 4, RatingMatch::kExactly}, ItemCondition{Hv(9), 3, RatingMatch::kAtLeast}, {2}};
  definition.red_rules = {self_injury, hallucinations, drinking};
  definition.conflict_rules = {
      {{Hv(6), 3, RatingMatch::kAtLeast}, Supercluster::kNonPsychotic, Supercluster::kPsychotic}};
  return definition;
}

inline ClusterModel TinyModel() {
  Result<ClusterModel> model = ClusterModel::Compile(TinyModelDefinition());
  EXPECT_TRUE(model.ok()) << model.error().ToString();
  return std::move(model).value();
}

// All items 0 except the given {item number, rating} pairs.
inline ItemRatings Ratings(std::initializer_list<std::pair<int, int>> given) {
  ItemRatings ratings{};
  for (auto [number, rating] : given) ratings[Hv(number)] = static_cast<int8_t>(rating);
  return ratings;
}

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_CLASSIFIER_TINY_MODEL_H_
