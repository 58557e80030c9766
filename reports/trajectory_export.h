// A patient's trajectory (reports/patient_trajectory.h) as CSV for Dutch
// Excel (';', decimal comma, UTF-8 with BOM) or as JSON for machines and the
// web app's timeline. Both carry the same fields.
#ifndef CLUSTERPILOT_REPORTS_TRAJECTORY_EXPORT_H_
#define CLUSTERPILOT_REPORTS_TRAJECTORY_EXPORT_H_

#include <iosfwd>
#include <string>

#include "reports/patient_trajectory.h"

namespace clusterpilot {

// "cluster 5", "no fitting cluster" (the clinician's decision), "no cluster"
// (the classifier found none), "not classified": a rating's final cluster in
// words, for every output of the trajectory.
std::string FinalClusterText(const PatientRating& rating);

// One line per rating: measurement;date;department;clinician;supercluster;
// algorithm_cluster;decision;cluster;total;unknown_items;behaviour;
// impairment;symptoms;social;change;judgement. decision is the clinician's
// ("cluster 5", "no fitting cluster", "cluster 10 outside the supercluster")
// or empty; change is empty when not judged.
void WriteTrajectoryCsv(const PatientTrajectory& trajectory, std::ostream& out);

// {"patient", "reliable_change": {"points", "source"}, "until",
// "departments": [...], "ratings": [{...}], "time_in_cluster": [{"cluster",
// "days"}]} with cluster null for no cluster.
void WriteTrajectoryJson(const PatientTrajectory& trajectory, std::ostream& out);

// The source of the reliable-change criterion, as outputs cite it.
inline constexpr const char* kReliableChangeSource =
    "Parabiaghi et al. 2005, Aust N Z J Psychiatry 39(8):719-725";

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_TRAJECTORY_EXPORT_H_
