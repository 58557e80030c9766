#include "classifier/model_evaluation.h"

#include <cstdio>
#include <vector>

#include "core/cluster_assignment.h"

namespace clusterpilot {
namespace {

constexpr uint32_t kEvaluatedPoorFit = kFlagAtypical | kFlagNoFit;

double Share(int64_t part, int64_t whole) {
  return whole == 0 ? 0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string Format(const char* format, double a, double b = 0) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, format, a, b);
  return buffer;
}

std::string Cell(const std::string& text, int width = 6) {
  return std::string(width > static_cast<int>(text.size()) ? width - text.size() : 0, ' ') + text;
}

}  // namespace

void ModelEvaluation::Add(int true_cluster, const MeasurementClassification& result) {
  const int assigned = result.cluster();
  const bool poor_fit = (result.flags() & kEvaluatedPoorFit) != 0;
  const int group = true_cluster == 0 ? 1 : 0;
  if (true_cluster == 0) {
    ++ill_fitting_;
    ill_fitting_poor_fit_ += poor_fit;
  } else {
    ++typical_;
    typical_correct_ += assigned == true_cluster;
    typical_poor_fit_ += poor_fit;
  }
  if (true_cluster >= 0 && true_cluster < kClusterSlots && assigned >= 0 &&
      assigned < kClusterSlots) {
    ++confusion_[true_cluster][assigned];
  }
  for (size_t i = 0; i < std::size(kAllFitFlags); ++i) {
    if ((result.flags() & kAllFitFlags[i]) != 0) ++flag_counts_[group][i];
  }
}

double ModelEvaluation::TypicalAccuracy() const { return Share(typical_correct_, typical_); }
double ModelEvaluation::TypicalPoorFitRate() const { return Share(typical_poor_fit_, typical_); }
double ModelEvaluation::IllFittingPoorFitRate() const {
  return Share(ill_fitting_poor_fit_, ill_fitting_);
}

std::string ModelEvaluation::Report() const {
  std::string report = "Classifier evaluation: model \"" + model_.name() + "\" version " +
                       model_.version() + "\n" + "measurements: " + std::to_string(typical_) +
                       " typical, " + std::to_string(ill_fitting_) + " deliberately ill-fitting\n";
  report += Format("top-1 accuracy on typical profiles: %.1f%% (target: at least 90%%)\n",
                   100 * TypicalAccuracy());
  report += Format("atypical or no_fit on typical profiles: %.1f%% (target: at most 10%%)\n",
                   100 * TypicalPoorFitRate());
  report += Format("atypical or no_fit on ill-fitting profiles: %.1f%% (target: at least 70%%)\n",
                   100 * IllFittingPoorFitRate());
  for (int group = 0; group < 2; ++group) {
    report += group == 0 ? "flags on typical profiles:" : "flags on ill-fitting profiles:";
    for (size_t i = 0; i < std::size(kAllFitFlags); ++i) {
      report += std::string(i == 0 ? " " : ", ") + std::string(FitFlagName(kAllFitFlags[i])) + " " +
                std::to_string(flag_counts_[group][i]);
    }
    report += "\n";
  }
  for (Supercluster supercluster :
       {Supercluster::kNonPsychotic, Supercluster::kPsychotic, Supercluster::kOrganic}) {
    std::vector<int> clusters;
    for (int i = 0; i < model_.cluster_count(); ++i) {
      if (model_.cluster(i).supercluster == supercluster)
        clusters.push_back(model_.cluster(i).number);
    }
    report += "\nconfusion matrix, " + SuperclusterName(supercluster) + " (" +
              SuperclusterLetter(supercluster) +
              "): rows true cluster, columns assigned cluster\n" + Cell("true", 6);
    for (int number : clusters) report += Cell(std::to_string(number));
    report += Cell("other", 7) + Cell("none") + "\n";
    for (int truth : clusters) {
      report += Cell(std::to_string(truth));
      int64_t other = 0;
      for (int assigned = 1; assigned < kClusterSlots; ++assigned) {
        const int index = model_.IndexOf(assigned);
        if (index >= 0 && model_.cluster(index).supercluster != supercluster) {
          other += confusion_[truth][assigned];
        }
      }
      for (int number : clusters) report += Cell(std::to_string(confusion_[truth][number]));
      report += Cell(std::to_string(other), 7) + Cell(std::to_string(confusion_[truth][0])) + "\n";
    }
  }
  report += "\nill-fitting profiles by assigned cluster:";
  for (int assigned = 0; assigned < kClusterSlots; ++assigned) {
    if (confusion_[0][assigned] == 0) continue;
    report += " " + (assigned == 0 ? std::string("none") : std::to_string(assigned)) + ":" +
              std::to_string(confusion_[0][assigned]);
  }
  return report + "\n";
}

}  // namespace clusterpilot
