#include <ostream>

#include "app/command_handlers.h"
#include "app/escaped_text.h"
#include "reports/patient_trajectory.h"
#include "reports/trajectory_export.h"
#include "store/audit_log.h"
#include "store/patient_ratings.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

std::string SubscalesText(const TrajectoryPoint& point) {
  return "behaviour " + std::to_string(point.subscales[0]) + ", impairment " +
         std::to_string(point.subscales[1]) + ", symptoms " + std::to_string(point.subscales[2]) +
         ", social " + std::to_string(point.subscales[3]);
}

std::string ChangeText(const TrajectoryPoint& point) {
  if (!point.change) return ChangeJudgementText(point.judgement);
  return (*point.change > 0 ? "+" : "") + std::to_string(*point.change) + ": " +
         ChangeJudgementText(point.judgement);
}

std::string AlgorithmText(const PatientRating& rating) {
  if (!rating.classified) return "not classified";
  return rating.algorithm_cluster > 0 ? "algorithm " + std::to_string(rating.algorithm_cluster)
                                      : "algorithm: no cluster";
}

void WritePoint(const TrajectoryPoint& point, std::ostream& out) {
  const PatientRating& rating = point.rating;
  out << "  " << rating.rating_date << "  " << EscapedText(rating.department) << "  "
      << EscapedText(rating.clinician.empty() ? "-" : rating.clinician) << "\n    "
      << FinalClusterText(rating) << " (" << AlgorithmText(rating);
  if (rating.review) {
    out << "; clinician: "
        << DescribeDecision(rating.review->cluster, rating.review->outside_supercluster);
  }
  out << ")\n    HoNOS total " << point.total;
  if (point.unknown_items > 0) out << " (" << point.unknown_items << " items unknown)";
  out << " (" << SubscalesText(point) << "); " << ChangeText(point) << "\n";
}

std::string ClusterName(int cluster) {
  return cluster > 0 ? "cluster " + std::to_string(cluster) : "no cluster";
}

void WriteText(const PatientTrajectory& trajectory, std::ostream& out) {
  out << "patient " << EscapedText(trajectory.patient_id) << ": " << trajectory.points.size()
      << " ratings, departments:";
  for (const std::string& department : trajectory.departments) {
    out << " " << EscapedText(department)
        << (department == trajectory.departments.back() ? "" : ",");
  }
  out << "\nreliable change: the HoNOS total (items 1-12) changing by "
      << trajectory.reliable_change_points << " points or more (" << kReliableChangeSource
      << ")\n\n";
  for (const TrajectoryPoint& point : trajectory.points) WritePoint(point, out);
  out << "\ntime in each cluster up to " << trajectory.until.ToIso() << ":";
  for (const ClusterTime& time : trajectory.cluster_times) {
    out << " " << ClusterName(time.cluster) << " " << time.days << " days"
        << (&time == &trajectory.cluster_times.back() ? "" : ",");
  }
  out << "\n";
}

Result<CalendarDate> AsOf(const CommandContext& context) {
  if (!context.Has("as-of")) return CalendarDate::Today();
  const std::optional<CalendarDate> date = CalendarDate::Parse(context.Get("as-of"));
  if (!date) {
    return MakeError("--as-of \"" + context.Get("as-of") +
                     "\": not a date; write it as YYYY-MM-DD, e.g. 2026-03-31");
  }
  return *date;
}

}  // namespace

int RunPatientCommand(CommandContext& context) {
  const std::string patient = context.Get("patient");
  if (patient.empty()) {
    return context.Fail("--patient is required (`clusterpilot patient --help`)", kExitUsage);
  }
  const std::string format = context.Get("format", "text");
  if (format != "text" && format != "csv" && format != "json") {
    return context.Fail("--format \"" + format + "\": use text, csv or json", kExitUsage);
  }
  const Result<CalendarDate> as_of = AsOf(context);
  if (!as_of.ok()) return context.Fail(as_of.error(), kExitUsage);
  std::string setting_error;
  const int criterion = context.settings.GetInt("patient.reliable_change_points",
                                                kReliableChangePoints, &setting_error);
  if (!setting_error.empty()) return context.Fail(setting_error, kExitUsage);

  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Result<std::vector<PatientRating>> ratings = ReadPatientRatings(*store.value(), patient);
  if (!ratings.ok()) return context.Fail(ratings.error(), kExitInputRejected);
  // Audit first, then show: also a look-up that finds nothing is on record.
  Status recorded = RecordAudit(
      *store.value(), context.User(), "read patient",
      "patient " + patient + ": " + std::to_string(ratings.value().size()) + " ratings");
  if (!recorded.ok()) return context.Fail(recorded.error(), kExitInputRejected);
  if (ratings.value().empty()) {
    return context.Fail("--patient \"" + EscapedText(patient) +
                            "\": no ratings of this patient in " + store.value()->path(),
                        kExitInputRejected);
  }
  const PatientTrajectory trajectory =
      BuildTrajectory(patient, std::move(ratings).value(), as_of.value(), criterion);
  if (format == "json") {
    WriteTrajectoryJson(trajectory, *context.out);
  } else if (format == "csv") {
    WriteTrajectoryCsv(trajectory, *context.out);
  } else {
    WriteText(trajectory, *context.out);
  }
  return kExitSuccess;
}

}  // namespace clusterpilot
