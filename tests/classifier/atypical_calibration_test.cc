#include "classifier/atypical_calibration.h"

#include <gtest/gtest.h>

#include "classifier/cluster_model.h"
#include "classifier/default_model.h"
#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

TEST(AtypicalCalibrationTest, AboutTwoPercentOfAClustersOwnProfilesTripItsThreshold) {
  const ClusterModel& model = DefaultClusterModel();
  for (int index = 0; index < model.cluster_count(); ++index) {
    uint64_t state = 12345 + static_cast<uint64_t>(index);  // not the calibration's seed
    int above = 0;
    constexpr int kDraws = 20000;
    for (int draw = 0; draw < kDraws; ++draw) {
      const ItemRatings ratings = DrawClusterRatings(model, index, &state);
      if (model.FitDistance(index, ratings) > model.cluster(index).atypical_above) ++above;
    }
    const double share = static_cast<double>(above) / kDraws;
    EXPECT_GT(share, 0.005) << "cluster " << model.cluster(index).number;
    EXPECT_LT(share, 0.035) << "cluster " << model.cluster(index).number;
  }
}

TEST(AtypicalCalibrationTest, DrawsFollowTheCoefficients) {
  const ClusterModel model = TinyModel();
  const int index = model.IndexOf(1);  // HV07 0..4 -> 0, 0, -1, -3, -5
  uint64_t state = 7;
  int counts[kMaxRating + 1] = {};
  for (int draw = 0; draw < 20000; ++draw)
    ++counts[DrawClusterRatings(model, index, &state)[Hv(7)]];
  EXPECT_NEAR(counts[0], counts[1], 600);
  EXPECT_GT(counts[1], counts[2]);
  EXPECT_GT(counts[2], counts[3]);
  EXPECT_GT(counts[3], counts[4]);
}

TEST(AtypicalCalibrationTest, IsDeterministicAndPositive) {
  const ClusterModel model = TinyModel();
  for (int index = 0; index < model.cluster_count(); ++index) {
    const double threshold = CalibrateAtypicalThreshold(model, index, 98);
    EXPECT_EQ(threshold, CalibrateAtypicalThreshold(model, index, 98));
    EXPECT_GT(threshold, 0);
    EXPECT_EQ(threshold, model.cluster(index).atypical_above);
    EXPECT_LE(CalibrateAtypicalThreshold(model, index, 90), threshold);
  }
}

TEST(AtypicalCalibrationTest, AThresholdGivenInTheModelIsKept) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[0].atypical_above = 0.125;
  EXPECT_EQ(ClusterModel::Compile(definition).value().cluster(0).atypical_above, 0.125);
}

}  // namespace
}  // namespace clusterpilot
