#include "classifier/assignment_explainer.h"

#include <gtest/gtest.h>

#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

std::string Explain(const ClusterModel& model, const ItemRatings& ratings, Supercluster chosen,
                    AssignmentExplanation* explanation) {
  ClusterScores scores;
  ScoreClusters(model, ratings, chosen, &scores);
  ExplainAssignment(model, ratings, chosen, scores, explanation);
  std::string text;
  DescribeExplanation(model, *explanation, &text);
  return text;
}

TEST(AssignmentExplainerTest, NamesWhatRaisedTheWinnerAndWhatSeparatedItFromTheRunnerUp) {
  const ClusterModel model = TinyModel();
  AssignmentExplanation explanation;
  const std::string text =
      Explain(model, Ratings({{7, 4}}), Supercluster::kNonPsychotic, &explanation);
  EXPECT_EQ(model.cluster(explanation.cluster_index).number, 2);
  EXPECT_EQ(model.cluster(explanation.runner_up_index).number, 1);
  ASSERT_EQ(explanation.supporting_count, 1);
  EXPECT_EQ(explanation.supporting[0].item, Hv(7));
  EXPECT_FLOAT_EQ(explanation.supporting[0].amount, 5);  // 0 for cluster 2 against -5
  EXPECT_EQ(text,
            "cluster 2 mainly for HV07 depressed mood 4. Cluster 1 (runner-up) fits worse on HV07 "
            "depressed mood 4");
}

TEST(AssignmentExplainerTest, AWinnerAloneInItsSuperclusterIsComparedWithAllOthers) {
  const ClusterModel model = TinyModel();
  AssignmentExplanation explanation;
  const std::string text =
      Explain(model, Ratings({{6, 3}}), Supercluster::kPsychotic, &explanation);
  // HV07 0 costs cluster 2 five points and HV04 0 costs cluster 18 four:
  // averaged over the three others, 5/3 and 4/3 in favour of cluster 10.
  ASSERT_EQ(explanation.supporting_count, 2);
  EXPECT_NEAR(explanation.supporting[0].amount, 5.0 / 3, 1e-5);
  EXPECT_NEAR(explanation.supporting[1].amount, 4.0 / 3, 1e-5);
  EXPECT_EQ(explanation.runner_up_index, -1);
  EXPECT_EQ(text,
            "cluster 10 mainly for HV07 depressed mood 0, HV04 cognitive problems 0. No other "
            "cluster was allowed");
}

TEST(AssignmentExplainerTest, KeepsTheThreeStrongestItems) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[1].coefficients[Hv(1)] = {-1, 0, 0, 0, 0};
  definition.clusters[1].coefficients[Hv(2)] = {-3, 0, 0, 0, 0};
  definition.clusters[1].coefficients[Hv(3)] = {-2, 0, 0, 0, 0};
  const ClusterModel model = ClusterModel::Compile(definition).value();
  AssignmentExplanation explanation;
  const std::string text =
      Explain(model, Ratings({{7, 0}}), Supercluster::kNonPsychotic, &explanation);
  ASSERT_EQ(explanation.separating_count, 3);
  EXPECT_EQ(explanation.separating[0].item, Hv(7));  // 5
  EXPECT_EQ(explanation.separating[1].item, Hv(2));  // 3
  EXPECT_EQ(explanation.separating[2].item, Hv(3));  // 2; HV01 (1) is left out
  EXPECT_EQ(text.substr(text.find(". ")),
            ". Cluster 2 (runner-up) fits worse on HV07 depressed mood 0, HV02 non-accidental "
            "self-injury 0, HV03 problem drinking or drug-taking 0");
}

TEST(AssignmentExplainerTest, NothingAssignedSaysSo) {
  const ClusterModel model = TinyModel();
  AssignmentExplanation explanation;
  EXPECT_EQ(Explain(model, Ratings({{6, 4}}), Supercluster::kNonPsychotic, &explanation),
            "no cluster assigned");
  EXPECT_EQ(explanation.cluster_index, -1);
}

}  // namespace
}  // namespace clusterpilot
