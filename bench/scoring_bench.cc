// The classifier's hot path on one core: scoring a measurement against every
// cluster of the built-in model (the kernel the issue asks at least 2 million
// per second of), and the full per-measurement work of `classify` around it.
// Ratings come from the synthetic generator, typical and ill-fitting mixed.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "classifier/cluster_scorer.h"
#include "classifier/default_model.h"
#include "classifier/measurement_classifier.h"
#include "core/cluster_profile.h"
#include "generator/synthetic_institution.h"

namespace clusterpilot {
namespace {

// 4096 measurements, about one in ten ill-fitting, a few with no supercluster.
const std::vector<Measurement>& Measurements() {
  static const std::vector<Measurement> measurements = [] {
    std::vector<Measurement> made;
    std::mt19937_64 random(2026);
    const auto& profiles = DefaultClusterProfiles();
    for (int i = 0; i < 4096; ++i) {
      Measurement measurement;
      if (i % 10 == 9) {
        measurement.ratings = SampleIllFittingRatings(random);
        measurement.supercluster = Supercluster::kNonPsychotic;
      } else {
        const ClusterProfile& profile = profiles[random() % profiles.size()];
        measurement.ratings = SampleTypicalRatings(profile, random);
        measurement.supercluster = i % 25 == 0 ? Supercluster::kNone : profile.supercluster;
      }
      made.push_back(measurement);
    }
    return made;
  }();
  return measurements;
}

void BM_ScoreClusters(benchmark::State& state) {
  const ClusterModel& model = DefaultClusterModel();
  const std::vector<Measurement>& measurements = Measurements();
  ClusterScores scores;
  size_t i = 0;
  for (auto _ : state) {
    const Measurement& measurement = measurements[i++ & 4095];
    ScoreClusters(model, measurement.ratings, measurement.supercluster, &scores);
    benchmark::DoNotOptimize(scores);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreClusters);

void BM_ScoreAllClusters(benchmark::State& state) {
  const ClusterModel& model = DefaultClusterModel();
  const std::vector<Measurement>& measurements = Measurements();
  ClusterScores scores;
  size_t i = 0;
  for (auto _ : state) {
    ScoreClusters(model, measurements[i++ & 4095].ratings, Supercluster::kNone, &scores);
    benchmark::DoNotOptimize(scores);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreAllClusters);

// Scores, fit flags and explanation: everything but the text.
void BM_ClassifyMeasurement(benchmark::State& state) {
  const MeasurementClassifier classifier(DefaultClusterModel());
  const std::vector<Measurement>& measurements = Measurements();
  MeasurementClassification result;
  size_t i = 0;
  for (auto _ : state) {
    classifier.Classify(measurements[i++ & 4095], &result);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyMeasurement);

// What `classify` does per measurement before writing: classify, encode the
// probabilities and the explanation, word the flags.
void BM_ClassifyAndEncode(benchmark::State& state) {
  const MeasurementClassifier classifier(DefaultClusterModel());
  const std::vector<Measurement>& measurements = Measurements();
  MeasurementClassification result;
  std::vector<ClusterProbability> ranked;
  AssignmentExplanationCode code;
  std::string probabilities, flags, explanation;
  size_t i = 0;
  for (auto _ : state) {
    const Measurement& measurement = measurements[i++ & 4095];
    classifier.Classify(measurement, &result);
    classifier.RankedProbabilities(result, &ranked);
    probabilities = EncodeProbabilities(ranked);
    classifier.DescribeFlags(measurement, result, &flags);
    classifier.EncodeExplanation(result, &code, &explanation);
    benchmark::DoNotOptimize(explanation);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyAndEncode);

}  // namespace
}  // namespace clusterpilot

BENCHMARK_MAIN();
