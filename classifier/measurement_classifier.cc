#include "classifier/measurement_classifier.h"

namespace clusterpilot {

MeasurementClassifier::MeasurementClassifier(const ClusterModel& model, ClassifierOptions options)
    : model_(model),
      max_unknown_items_(options.max_unknown_items.value_or(model.thresholds().max_unknown_items)) {
}

void MeasurementClassifier::Classify(const Measurement& measurement,
                                     MeasurementClassification* result) const {
  ScoreClusters(model_, measurement.ratings, measurement.supercluster, &result->scores);
  AssessFit(model_, max_unknown_items_, measurement, result->scores, &result->fit);
  ExplainAssignment(model_, measurement.ratings, measurement.supercluster, result->scores,
                    &result->explanation);
}

void MeasurementClassifier::RankedProbabilities(const MeasurementClassification& result,
                                                std::vector<ClusterProbability>* ranked) const {
  ranked->clear();
  for (int i = 0; i < result.scores.ranked_count; ++i) {
    ranked->push_back({result.scores.ranked[i].number, result.scores.ranked[i].probability});
  }
}

void MeasurementClassifier::DescribeFlags(const Measurement& measurement,
                                          const MeasurementClassification& result,
                                          std::string* text) const {
  text->clear();
  DescribeFit(model_, max_unknown_items_, measurement, result.scores, result.fit, text);
}

void MeasurementClassifier::EncodeExplanation(const MeasurementClassification& result,
                                              AssignmentExplanationCode* code,
                                              std::string* text) const {
  ToExplanationCode(model_, result.explanation, code);
  text->clear();
  AppendExplanationCode(*code, text);
}

void MeasurementClassifier::DescribeExplanation(const MeasurementClassification& result,
                                                ExplanationLanguage language,
                                                std::string* text) const {
  text->clear();
  clusterpilot::DescribeExplanation(model_, result.explanation, language, text);
}

}  // namespace clusterpilot
