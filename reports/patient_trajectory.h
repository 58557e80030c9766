// One patient over time and across departments: every rating with its
// cluster and the clinician's decision, the HoNOS total and subscales, the
// change since the previous rating judged by a reliable-change criterion,
// the time spent in each cluster and the departments involved.
// docs/trajectories.md states the criterion and its source.
#ifndef CLUSTERPILOT_REPORTS_PATIENT_TRAJECTORY_H_
#define CLUSTERPILOT_REPORTS_PATIENT_TRAJECTORY_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_date.h"
#include "store/patient_ratings.h"

namespace clusterpilot {

// Parabiaghi et al. (2005): a change of the HoNOS total (items 1-12) by 8
// points or more is reliable (Jacobson-Truax, reliability as Cronbach's
// alpha, 4759 re-assessed patients).
inline constexpr int kReliableChangePoints = 8;

enum class ChangeJudgement {
  kFirstRating,
  kNotJudged,  // an item 1-12 unknown in this or the previous rating
  kNoReliableChange,
  kReliableImprovement,    // the total fell by at least the criterion
  kReliableDeterioration,  // the total rose by at least the criterion
};

// "first rating", "not judged (unknown items)", "no reliable change",
// "reliable improvement", "reliable deterioration".
std::string ChangeJudgementText(ChangeJudgement judgement);

// Behaviour, impairment, symptoms and social, as in the HoNOS item table.
inline constexpr int kSubscaleCount = 4;

struct TrajectoryPoint {
  PatientRating rating;
  int total = 0;          // HoNOS items 1-12, unknown items left out
  int unknown_items = 0;  // of items 1-12
  std::array<int, kSubscaleCount> subscales{};
  std::optional<int> change;  // total minus the previous rating's; none when not judged
  ChangeJudgement judgement = ChangeJudgement::kFirstRating;
};

struct ClusterTime {
  int cluster = 0;  // 0: no cluster (none fits, or not classified)
  int days = 0;
};

struct PatientTrajectory {
  std::string patient_id;
  int reliable_change_points = kReliableChangePoints;
  CalendarDate until;                      // the day time in cluster is counted up to
  std::vector<TrajectoryPoint> points;     // in time order
  std::vector<ClusterTime> cluster_times;  // in order of first appearance
  std::vector<std::string> departments;    // in order of first rating
};

// Builds the trajectory from ratings in time order (ReadPatientRatings). A
// rating's cluster holds from its date until the next rating, or for the
// last one until `until` or the end of its review period, whichever is
// earlier: after that the patient has no valid cluster.
PatientTrajectory BuildTrajectory(const std::string& patient_id, std::vector<PatientRating> ratings,
                                  const CalendarDate& until,
                                  int reliable_change_points = kReliableChangePoints);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_PATIENT_TRAJECTORY_H_
