// Classifies one measurement end to end: scores (cluster_scorer.h), fit
// flags (fit_assessor.h) and explanation (assignment_explainer.h), and gives
// the texts the store keeps. The one entry point the classify command, the
// tests and the evaluation use.
#ifndef CLUSTERPILOT_CLASSIFIER_MEASUREMENT_CLASSIFIER_H_
#define CLUSTERPILOT_CLASSIFIER_MEASUREMENT_CLASSIFIER_H_

#include <optional>
#include <string>
#include <vector>

#include "classifier/assignment_explainer.h"
#include "classifier/cluster_model.h"
#include "classifier/cluster_scorer.h"
#include "classifier/fit_assessor.h"
#include "core/cluster_assignment.h"
#include "core/measurement.h"

namespace clusterpilot {

struct ClassifierOptions {
  // Overrides the model's max-unknown-items (setting classifier.max_unknown_items).
  std::optional<int> max_unknown_items;
};

struct MeasurementClassification {
  ClusterScores scores;
  FitAssessment fit;
  AssignmentExplanation explanation;

  // The assigned cluster number; 0 when every allowed cluster was excluded.
  int cluster() const { return scores.best() ? scores.best()->number : 0; }
  double probability() const { return scores.best() ? scores.best()->probability : 0; }
  uint32_t flags() const { return fit.flags; }
};

// Holds a reference to the model, which must outlive it. Classify is
// allocation-free and const, so one classifier may serve several threads.
class MeasurementClassifier {
 public:
  explicit MeasurementClassifier(const ClusterModel& model, ClassifierOptions options = {});

  const ClusterModel& model() const { return model_; }
  int max_unknown_items() const { return max_unknown_items_; }

  // Uses the measurement's ratings, supercluster and route.
  void Classify(const Measurement& measurement, MeasurementClassification* result) const;

  // The ranked probabilities in the form of core/cluster_assignment.h.
  void RankedProbabilities(const MeasurementClassification& result,
                           std::vector<ClusterProbability>* ranked) const;
  // One sentence per flag, '\n'-separated; replaces *text ("" when unflagged).
  void DescribeFlags(const Measurement& measurement, const MeasurementClassification& result,
                     std::string* text) const;
  // The explanation as the store keeps it (core/assignment_explanation.h);
  // replaces *text. Allocation-free once *code and *text have grown.
  void EncodeExplanation(const MeasurementClassification& result, AssignmentExplanationCode* code,
                         std::string* text) const;
  // The explanation sentence in `language`; replaces *text.
  void DescribeExplanation(const MeasurementClassification& result, ExplanationLanguage language,
                           std::string* text) const;

 private:
  const ClusterModel& model_;
  int max_unknown_items_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_MEASUREMENT_CLASSIFIER_H_
