#include "reports/month_comparison.h"

#include <string>
#include <unordered_map>

#include "core/care_cluster.h"
#include "reports/tariff_table.h"

namespace clusterpilot {
namespace {

std::string PatientKey(int department, const std::string& patient_id) {
  return std::to_string(department) + '\x1f' + patient_id;
}

}  // namespace

void MonthChange::Add(const MonthChange& other) {
  previous_patients += other.previous_patients;
  in_both_months += other.in_both_months;
  moved += other.moved;
}

MonthComparison CompareMonths(const MonthSnapshot& previous,
                              const std::vector<int>& previous_department_of,
                              const MonthSnapshot& current,
                              const std::vector<int>& current_department_of, int department_count) {
  MonthComparison comparison;
  comparison.departments.resize(department_count);
  std::unordered_map<std::string, int> previous_cluster;
  previous_cluster.reserve(previous.patients.size());
  for (const PatientMonth& patient : previous.patients) {
    const int department = previous_department_of[patient.department];
    if (department < 0) continue;  // a department the report does not show
    ++comparison.departments[department].previous_patients;
    previous_cluster.emplace(PatientKey(department, patient.patient_id), patient.ReportedCluster());
  }
  for (const PatientMonth& patient : current.patients) {
    const int department = current_department_of[patient.department];
    auto found = previous_cluster.find(PatientKey(department, patient.patient_id));
    if (found == previous_cluster.end()) continue;
    MonthChange& change = comparison.departments[department];
    ++change.in_both_months;
    const int from = found->second;
    const int to = patient.ReportedCluster();
    if (IsCareClusterMove(from, to)) {
      ++change.moved;
      ++comparison.moves[{from, to}];
    }
  }
  return comparison;
}

}  // namespace clusterpilot
