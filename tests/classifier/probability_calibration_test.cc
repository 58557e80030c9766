#include "classifier/probability_calibration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "classifier/default_model.h"
#include "classifier/measurement_classifier.h"
#include "generator/synthetic_institution.h"
#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

// Two allowed clusters whose scores differ by `gap`.
ClusterScores TwoClusters(float gap) {
  ClusterScores scores;
  scores.ranked_count = 2;
  scores.ranked[0].score = 0;
  scores.ranked[1].score = -gap;
  return scores;
}

TEST(ProbabilityCalibrationTest, AWellCalibratedSetHasNoErrorAndKeepsTemperatureOne) {
  CalibrationSet cases;
  // A gap of ln 3 is 75% for the top cluster; three of four are right.
  for (int i = 0; i < 400; ++i) cases.Add(TwoClusters(std::log(3.0f)), i % 4 != 0);
  EXPECT_NEAR(cases.TopProbability(0, 1), 0.75, 1e-6);
  EXPECT_NEAR(cases.ExpectedCalibrationError(1), 0, 1e-6);
  EXPECT_NEAR(FitTemperature(cases), 1, 0.01);
}

TEST(ProbabilityCalibrationTest, AnOverconfidentSetIsCooledToItsHitRate) {
  CalibrationSet cases;
  // Stated 75% but right only half the time: the fitted temperature makes
  // the top probability 50%, which needs an infinite temperature with two
  // clusters; the search stops at its upper bound of 50.
  for (int i = 0; i < 400; ++i) cases.Add(TwoClusters(std::log(3.0f)), i % 2 == 0);
  ReliabilityTable table;
  EXPECT_NEAR(cases.ExpectedCalibrationError(1, &table), 0.25, 1e-6);
  EXPECT_EQ(table[7].count, 400);
  EXPECT_NEAR(table[7].share_right, 0.5, 1e-9);
  const double temperature = FitTemperature(cases);
  EXPECT_GT(temperature, 40);
  EXPECT_LT(cases.ExpectedCalibrationError(temperature), 0.02);
}

// Where the evaluation writes its files (as evaluation_test.cc does).
std::string OutputFolder() {
  const char* chosen = std::getenv("CLUSTERPILOT_EVALUATION_REPORT");
  if (chosen != nullptr && *chosen != '\0') {
    const std::string path = chosen;
    return path.substr(0, path.find_last_of('/') + 1);
  }
  return testing::TempDir();
}

// Scored measurements of a synthetic institution (typical, ill-fitting,
// wrong supercluster choices, dynamic route), right when the top cluster is
// the one the ratings were drawn from.
CalibrationSet Institution(uint64_t seed, int patients) {
  const MeasurementClassifier classifier(DefaultClusterModel());
  SyntheticOptions options;
  options.patients = patients;
  options.seed = seed;
  CalibrationSet cases;
  MeasurementClassification result;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    classifier.Classify(synthetic.measurement, &result);
    cases.Add(result.scores,
              synthetic.true_cluster != 0 && result.cluster() == synthetic.true_cluster);
  });
  return cases;
}

TEST(ProbabilityCalibrationTest, TheDefaultModelIsCalibratedOnHeldOutPatients) {
  const CalibrationSet fitting = Institution(20261201, 3000);
  const CalibrationSet held_out = Institution(20261202, 3000);
  const double fitted = FitTemperature(fitting);
  const double stated = DefaultClusterModel().definition().calibration.temperature;
  // The model states the temperature this fit finds (default_model.cc).
  EXPECT_NEAR(stated, fitted, 0.05 * fitted);
  ReliabilityTable before;
  ReliabilityTable after;
  const double ece_before = held_out.ExpectedCalibrationError(1, &before);
  const double ece_after = held_out.ExpectedCalibrationError(stated, &after);
  EXPECT_LE(ece_after, 0.05);
  EXPECT_LT(ece_after, ece_before);
  const std::string svg = OutputFolder() + "clusterpilot-reliability-diagram.svg";
  std::ofstream(svg) << ReliabilityDiagramSvg(before, ece_before, after, ece_after);
  std::printf(
      "calibration: temperature %.3g (fitted %.3g) on %zu measurements; held-out ECE "
      "%.4f before, %.4f after (%zu measurements); diagram %s\n",
      stated, fitted, fitting.size(), ece_before, ece_after, held_out.size(), svg.c_str());
}

}  // namespace
}  // namespace clusterpilot
