#include "reports/caseload_revenue.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/care_cluster.h"
#include "core/review_period.h"

namespace clusterpilot {
namespace {

std::string PatientKey(const std::string& department, const std::string& patient) {
  return department + '\x1f' + patient;
}

// The latest rating of each (department, patient): this month's where there
// is one, else the look-back window's.
std::unordered_map<std::string, const PatientMonth*> LatestRatings(const MonthSnapshot& current,
                                                                   const MonthSnapshot* earlier) {
  std::unordered_map<std::string, const PatientMonth*> latest;
  if (earlier != nullptr) {
    for (const PatientMonth& patient : earlier->patients) {
      latest[PatientKey(earlier->departments[patient.department], patient.patient_id)] = &patient;
    }
  }
  for (const PatientMonth& patient : current.patients) {
    latest[PatientKey(current.departments[patient.department], patient.patient_id)] = &patient;
  }
  return latest;
}

// Sums the rows of each billed (department, patient), in a stable order.
std::map<std::pair<std::string, std::string>, int64_t> BilledPatients(
    const std::vector<RevenueEntry>& billed) {
  std::map<std::pair<std::string, std::string>, int64_t> sums;
  for (const RevenueEntry& entry : billed) {
    sums[{entry.department, entry.patient_id}] += entry.amount_cents;
  }
  return sums;
}

}  // namespace

void CaseloadRevenue::Add(const CaseloadRevenue& other) {
  billed_patients += other.billed_patients;
  billed_cents += other.billed_cents;
  valid_billed_cents += other.valid_billed_cents;
  scenario.Add(other.scenario);
}

std::vector<std::pair<std::string, std::string>> PatientsToLookBack(
    const MonthSnapshot& current, const std::vector<RevenueEntry>& billed) {
  std::vector<std::pair<std::string, std::string>> rated;
  rated.reserve(current.patients.size());
  for (const PatientMonth& patient : current.patients) {
    rated.emplace_back(patient.patient_id, current.departments[patient.department]);
  }
  return PatientsToLookBack(std::move(rated), billed);
}

std::vector<std::pair<std::string, std::string>> PatientsToLookBack(
    std::vector<std::pair<std::string, std::string>> rated,
    const std::vector<RevenueEntry>& billed) {
  std::vector<std::pair<std::string, std::string>> pairs = std::move(rated);
  pairs.reserve(pairs.size() + billed.size());
  for (const RevenueEntry& entry : billed) pairs.emplace_back(entry.patient_id, entry.department);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

bool HoldsValidCluster(const PatientMonth& rating, const CalendarMonth& month) {
  const int cluster = rating.ReportedCluster();
  if (!IsCareCluster(cluster)) return false;
  const std::optional<CalendarDate> rated = CalendarDate::Parse(rating.rating_date);
  return rated && ValidUntil(*rated, cluster) >= month.FirstDay();
}

PricedCaseload PriceCaseload(const CalendarMonth& month, const std::vector<RevenueEntry>& billed,
                             const MonthSnapshot& current, const MonthSnapshot* earlier,
                             const TariffTable& tariffs, const std::vector<std::string>& names) {
  PricedCaseload caseload;
  caseload.departments.resize(names.size());
  const auto latest = LatestRatings(current, earlier);
  for (const auto& [key, cents] : BilledPatients(billed)) {
    const auto& [department_name, patient_id] = key;
    const int department = static_cast<int>(
        std::lower_bound(names.begin(), names.end(), department_name) - names.begin());
    CaseloadRevenue& revenue = caseload.departments[department];
    ++revenue.billed_patients;
    revenue.billed_cents += cents;
    auto found = latest.find(PatientKey(department_name, patient_id));
    if (found == latest.end() || !HoldsValidCluster(*found->second, month)) continue;
    revenue.valid_billed_cents += cents;
    revenue.scenario.Price(*found->second, tariffs);
    caseload.valid.push_back(*found->second);
    caseload.valid.back().department = department;
  }
  return caseload;
}

}  // namespace clusterpilot
