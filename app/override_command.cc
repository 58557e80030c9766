#include <charconv>
#include <optional>
#include <ostream>

#include "app/command_handlers.h"
#include "app/model_choice.h"
#include "classifier/cluster_model.h"
#include "core/care_cluster.h"
#include "store/override_table.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

bool ParseWhole(const std::string& text, int64_t* value) {
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return status == std::errc() && end == text.data() + text.size() && !text.empty();
}

// The usage checks: every option is required, numbers must be numbers, and
// the decision is either a cluster or --no-cluster.
std::string CheckOptions(const CommandContext& context, ReviewDecision* decision) {
  for (const char* option : {"measurement", "reason", "by"}) {
    if (context.Get(option).find_first_not_of(" \t") == std::string::npos) {
      return std::string("--") + option + " is required (`clusterpilot override --help`)";
    }
  }
  if (context.Has("cluster") == context.Has("no-cluster")) {
    return "give either --cluster N or --no-cluster (`clusterpilot override --help`)";
  }
  if (!ParseWhole(context.Get("measurement"), &decision->measurement_id) ||
      decision->measurement_id <= 0) {
    return "--measurement \"" + context.Get("measurement") +
           "\": not a measurement id (the number in the first column of `assignments`)";
  }
  int64_t version = 0;
  if (context.Has("if-version")) {
    if (!ParseWhole(context.Get("if-version"), &version) || version < 0) {
      return "--if-version \"" + context.Get("if-version") +
             "\": not a review version (the review_version column of `assignments`)";
    }
    decision->expected_version = static_cast<int>(version);
  }
  return "";
}

// The model that classified the measurement: a different model may lack
// the cluster, or group it elsewhere. An unclassified measurement is
// checked against the model in use.
std::string CheckModelOfRecord(const ReviewSubject& subject, const ModelChoice& choice) {
  if (!subject.classified || subject.model.content_hash == choice.content_hash) return "";
  return "measurement " + std::to_string(subject.measurement_id) +
         " was classified by the model \"" + subject.model.name + "\" version " +
         subject.model.version +
         "; give that model's file with --model to check the cluster against it (chosen now: \"" +
         choice.model->name() + "\" version " + choice.model->version() + ")";
}

// The cluster exists in the model and lies in the measurement's supercluster,
// or the clinician said --outside-supercluster.
std::string CheckCluster(const CommandContext& context, const ReviewSubject& subject,
                         const ClusterModel& model, ReviewDecision* decision) {
  const int index = model.IndexOf(decision->cluster);
  if (index < 0) {
    return "cluster " + std::to_string(decision->cluster) + " is not in the model \"" +
           model.name() + "\" version " + model.version() +
           " (its clusters: " + model.ClusterNumbersText() + ")";
  }
  const Supercluster of_cluster = model.cluster(index).supercluster;
  decision->outside_supercluster =
      subject.supercluster != Supercluster::kNone && of_cluster != subject.supercluster;
  if (decision->outside_supercluster && !context.Has("outside-supercluster")) {
    return "cluster " + std::to_string(decision->cluster) + " is " + SuperclusterName(of_cluster) +
           ", but measurement " + std::to_string(subject.measurement_id) + " was rated " +
           SuperclusterName(subject.supercluster) +
           "; add --outside-supercluster to choose it on purpose";
  }
  return "";
}

// Reads the cluster as typed (4, 04, ZT04) unless the decision is --no-cluster.
std::optional<std::string> ReadCluster(const CommandContext& context, ReviewDecision* decision) {
  if (context.Has("no-cluster")) {
    decision->cluster = kNoFittingCluster;
    return std::nullopt;
  }
  const std::optional<int> cluster = ParseCareCluster(context.Get("cluster"));
  if (!cluster) {
    return "--cluster \"" + context.Get("cluster") +
           "\": not a care cluster (1-8 or 10-21, or ZT01-ZT21; 9 is unused; --no-cluster when "
           "none fits)";
  }
  decision->cluster = *cluster;
  return std::nullopt;
}

std::string Confirmation(const ReviewDecision& decision, const OverrideOutcome& outcome,
                         const std::string& by) {
  const int algorithm = outcome.algorithm_cluster;
  std::string verb = "overridden to ";
  if (decision.cluster == kNoFittingCluster) verb = "decided ";
  if (decision.cluster == algorithm && decision.cluster != kNoFittingCluster) verb = "confirmed ";
  return "measurement " + std::to_string(decision.measurement_id) + ": " + verb +
         DescribeDecision(decision.cluster, decision.outside_supercluster) + " by " + by +
         " (algorithm: " + (algorithm > 0 ? std::to_string(algorithm) : "none") + "; review " +
         std::to_string(outcome.stored.version) + ")\n";
}

}  // namespace

int RunOverrideCommand(CommandContext& context) {
  ReviewDecision decision;
  const std::string usage = CheckOptions(context, &decision);
  if (!usage.empty()) return context.Fail(usage, kExitUsage);
  if (auto problem = ReadCluster(context, &decision)) {
    return context.Fail(*problem, kExitInputRejected);
  }
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Result<std::optional<ReviewSubject>> subject =
      ReadReviewSubject(*store.value(), decision.measurement_id);
  if (!subject.ok()) return context.Fail(subject.error(), kExitInputRejected);
  if (!subject.value()) {
    return context.Fail("measurement \"" + std::to_string(decision.measurement_id) +
                            "\": no such measurement in " + store.value()->path(),
                        kExitInputRejected);
  }
  Result<ModelChoice> choice = ChooseClusterModel(context);
  if (!choice.ok()) return context.Fail(choice.error(), kExitInputRejected);
  std::string problem = CheckModelOfRecord(*subject.value(), choice.value());
  if (problem.empty() && decision.cluster != kNoFittingCluster) {
    problem = CheckCluster(context, *subject.value(), *choice.value().model, &decision);
  }
  if (!problem.empty()) return context.Fail(problem, kExitInputRejected);
  decision.reason = context.Get("reason");
  decision.by_user = context.Get("by");
  Result<OverrideOutcome> outcome = RecordReview(*store.value(), decision);
  if (!outcome.ok()) return context.Fail(outcome.error(), kExitInputRejected);
  *context.out << Confirmation(decision, outcome.value(), decision.by_user);
  return kExitSuccess;
}

}  // namespace clusterpilot
