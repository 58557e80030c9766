#include "reports/cluster_transitions.h"

#include <unordered_map>

namespace clusterpilot {
namespace {

std::string PatientKey(const std::string& department, const std::string& patient) {
  return department + '\x1f' + patient;
}

}  // namespace

std::vector<TransitionCounts> CountTransitions(const MonthSnapshot& earlier,
                                               const std::vector<int>& earlier_of,
                                               const MonthSnapshot& current,
                                               const std::vector<int>& current_of,
                                               int departments) {
  std::unordered_map<std::string, const PatientMonth*> previous;
  for (const PatientMonth& rating : earlier.patients) {
    if (earlier_of[rating.department] < 0) continue;
    previous[PatientKey(earlier.departments[rating.department], rating.patient_id)] = &rating;
  }
  std::vector<TransitionCounts> transitions(departments);
  for (const PatientMonth& rating : current.patients) {
    auto found =
        previous.find(PatientKey(current.departments[rating.department], rating.patient_id));
    if (found == previous.end() || current_of[rating.department] < 0) continue;
    ++transitions[current_of[rating.department]]
                 [{found->second->ReportedCluster(), rating.ReportedCluster()}];
  }
  return transitions;
}

}  // namespace clusterpilot
