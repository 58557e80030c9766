#include "reports/patient_trajectory.h"

#include <algorithm>
#include <cstdlib>

#include "core/honos_items.h"
#include "core/review_period.h"

namespace clusterpilot {
namespace {

constexpr Subscale kSubscales[kSubscaleCount] = {Subscale::kBehaviour, Subscale::kImpairment,
                                                 Subscale::kSymptoms, Subscale::kSocial};

CalendarDate DateOf(const PatientRating& rating) {
  return CalendarDate::Parse(rating.rating_date).value_or(CalendarDate{1970, 1, 1});
}

TrajectoryPoint Score(PatientRating rating) {
  TrajectoryPoint point;
  point.total = HonosTotal(rating.ratings, &point.unknown_items);
  for (int i = 0; i < kSubscaleCount; ++i) {
    point.subscales[i] = SubscaleTotal(rating.ratings, kSubscales[i]);
  }
  point.rating = std::move(rating);
  return point;
}

// A change is judged only between complete totals: a missing item would
// pass for an improvement.
void JudgeChange(const TrajectoryPoint& previous, int criterion, TrajectoryPoint* point) {
  if (previous.unknown_items > 0 || point->unknown_items > 0) {
    point->judgement = ChangeJudgement::kNotJudged;
    return;
  }
  point->change = point->total - previous.total;
  if (std::abs(*point->change) < criterion) {
    point->judgement = ChangeJudgement::kNoReliableChange;
  } else {
    point->judgement = *point->change < 0 ? ChangeJudgement::kReliableImprovement
                                          : ChangeJudgement::kReliableDeterioration;
  }
}

void AddTime(int cluster, int days, std::vector<ClusterTime>* times) {
  auto found = std::find_if(times->begin(), times->end(),
                            [cluster](const ClusterTime& t) { return t.cluster == cluster; });
  if (found == times->end()) {
    times->push_back({cluster, std::max(days, 0)});
  } else {
    found->days += std::max(days, 0);
  }
}

// Each rating's cluster holds until the next rating; the last one until
// `until` or its review period's end.
std::vector<ClusterTime> TimeInClusters(const std::vector<TrajectoryPoint>& points,
                                        const CalendarDate& until) {
  std::vector<ClusterTime> times;
  for (size_t i = 0; i < points.size(); ++i) {
    const PatientRating& rating = points[i].rating;
    const CalendarDate from = DateOf(rating);
    CalendarDate to = until;
    if (i + 1 < points.size()) {
      to = DateOf(points[i + 1].rating);
    } else {
      to = std::min(until, ReviewPeriodOf(rating.FinalCluster()).DueAfter(from));
    }
    AddTime(rating.FinalCluster(), to.DaysSinceEpoch() - from.DaysSinceEpoch(), &times);
  }
  return times;
}

}  // namespace

std::string ChangeJudgementText(ChangeJudgement judgement) {
  switch (judgement) {
    case ChangeJudgement::kFirstRating:
      return "first rating";
    case ChangeJudgement::kNotJudged:
      return "not judged (unknown items)";
    case ChangeJudgement::kNoReliableChange:
      return "no reliable change";
    case ChangeJudgement::kReliableImprovement:
      return "reliable improvement";
    case ChangeJudgement::kReliableDeterioration:
      return "reliable deterioration";
  }
  return "";
}

PatientTrajectory BuildTrajectory(const std::string& patient_id, std::vector<PatientRating> ratings,
                                  const CalendarDate& until, int reliable_change_points) {
  PatientTrajectory trajectory;
  trajectory.patient_id = patient_id;
  trajectory.reliable_change_points = reliable_change_points;
  trajectory.until = until;
  for (PatientRating& rating : ratings) {
    if (std::find(trajectory.departments.begin(), trajectory.departments.end(),
                  rating.department) == trajectory.departments.end()) {
      trajectory.departments.push_back(rating.department);
    }
    TrajectoryPoint point = Score(std::move(rating));
    if (!trajectory.points.empty()) {
      JudgeChange(trajectory.points.back(), reliable_change_points, &point);
    }
    trajectory.points.push_back(std::move(point));
  }
  trajectory.cluster_times = TimeInClusters(trajectory.points, until);
  return trajectory;
}

}  // namespace clusterpilot
