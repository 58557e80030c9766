#include "reports/payment_allocation.h"

#include <algorithm>
#include <set>

#include "reports/caseload_revenue.h"

namespace clusterpilot {
namespace {

// One patient's month: what each department billed, and the rating that
// gives the patient's cluster.
struct PatientCare {
  std::map<int, int64_t> billed_cents;  // by department index
  const PatientMonth* latest = nullptr;
  int latest_department = -1;
};

int IndexIn(const std::vector<std::string>& names, const std::string& name) {
  auto found = std::lower_bound(names.begin(), names.end(), name);
  return found != names.end() && *found == name ? static_cast<int>(found - names.begin()) : -1;
}

bool IsLater(const PatientMonth& a, const PatientMonth& b) {
  if (a.rating_date != b.rating_date) return a.rating_date > b.rating_date;
  return a.measurement_id > b.measurement_id;
}

void TakeLatest(const MonthSnapshot& snapshot, const std::vector<std::string>& names,
                std::map<std::string, PatientCare>* patients) {
  for (const PatientMonth& rating : snapshot.patients) {
    auto patient = patients->find(rating.patient_id);
    if (patient == patients->end()) continue;
    PatientCare& care = patient->second;
    if (care.latest != nullptr && !IsLater(rating, *care.latest)) continue;
    const int department = IndexIn(names, snapshot.departments[rating.department]);
    if (department < 0) continue;
    care.latest = &rating;
    care.latest_department = department;
  }
}

std::map<std::string, PatientCare> BilledPatients(const AllocationInputs& in,
                                                  const std::vector<std::string>& names) {
  std::map<std::string, PatientCare> patients;
  for (const RevenueEntry& entry : *in.billed) {
    const int department = IndexIn(names, entry.department);
    if (department >= 0) patients[entry.patient_id].billed_cents[department] += entry.amount_cents;
  }
  if (in.earlier != nullptr) TakeLatest(*in.earlier, names, &patients);
  TakeLatest(*in.current, names, &patients);
  return patients;
}

// `amount` split by `weights` (none negative, summing to more than 0), to the
// cent: each part rounded down, then the cents left over one each to the
// largest remainders (the first on a tie). Amounts stay far below 2^63 /
// weight: a month's payment times a month's billing in cents.
std::vector<int64_t> SplitByWeight(int64_t amount, const std::vector<int64_t>& weights) {
  int64_t total = 0;
  for (int64_t weight : weights) total += weight;
  std::vector<int64_t> parts(weights.size());
  std::vector<int64_t> remainders(weights.size());
  int64_t left = amount;
  for (size_t i = 0; i < weights.size(); ++i) {
    parts[i] = amount * weights[i] / total;
    remainders[i] = amount * weights[i] % total;
    left -= parts[i];
  }
  std::vector<size_t> order(weights.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&remainders](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t i = 0; left > 0; ++i, --left) ++parts[order[i % order.size()]];
  return parts;
}

// Each department's part of one payment, by its billed activity; a patient
// whose billing nets to nothing leaves the whole payment with the payer.
std::map<int, int64_t> DepartmentParts(const PatientCare& care, int payer, int64_t payment) {
  std::vector<int> departments;
  std::vector<int64_t> weights;
  int64_t total = 0;
  for (const auto& [department, cents] : care.billed_cents) {
    departments.push_back(department);
    weights.push_back(std::max<int64_t>(cents, 0));
    total += weights.back();
  }
  if (total == 0) return {{payer, payment}};
  const std::vector<int64_t> split = SplitByWeight(payment, weights);
  std::map<int, int64_t> parts;
  for (size_t i = 0; i < departments.size(); ++i) {
    if (split[i] != 0) parts[departments[i]] = split[i];
  }
  return parts;
}

// Adds one patient's payment to `shares` (departments or organisations,
// through `group_of`): who receives it, each one's part, who shares it.
void AddPayment(AllocationRule rule, int payer, const std::map<int, int64_t>& parts,
                const std::set<int>& billed, const std::vector<int>& group_of,
                std::vector<AllocationShare>* shares) {
  std::map<int, int64_t> group_parts;
  for (const auto& [department, cents] : parts) group_parts[group_of[department]] += cents;
  std::set<int> groups_billed;
  for (int department : billed) groups_billed.insert(group_of[department]);
  const bool shared = groups_billed.size() > 1;
  if (rule == AllocationRule::kCoordinator) {
    int64_t payment = 0;
    for (const auto& [group, cents] : group_parts) payment += cents;
    AllocationShare& receiver = (*shares)[group_of[payer]];
    ++receiver.paid_patients;
    receiver.received_cents += payment;
  }
  if (shared) {
    for (int group : groups_billed) ++(*shares)[group].shared_patients;
  }
  for (const auto& [group, cents] : group_parts) {
    AllocationShare& share = (*shares)[group];
    share.allocated_cents += cents;
    if (rule == AllocationRule::kCoordinator) continue;
    ++share.paid_patients;
    share.received_cents += cents;
  }
}

// The organisation of each department, as an index into the sorted names of
// organisations; a department without one stands for itself.
std::vector<int> OrganisationOf(const std::vector<std::string>& names,
                                const std::map<std::string, std::string>& known,
                                std::vector<AllocationShare>* organisations) {
  std::vector<std::string> organisation_of(names.size());
  std::set<std::string> distinct;
  for (size_t d = 0; d < names.size(); ++d) {
    auto found = known.find(names[d]);
    organisation_of[d] = found != known.end() ? found->second : names[d];
    distinct.insert(organisation_of[d]);
  }
  const std::vector<std::string> sorted(distinct.begin(), distinct.end());
  organisations->resize(sorted.size());
  for (size_t o = 0; o < sorted.size(); ++o) (*organisations)[o].name = sorted[o];
  std::vector<int> index(names.size());
  for (size_t d = 0; d < names.size(); ++d) index[d] = IndexIn(sorted, organisation_of[d]);
  return index;
}

}  // namespace

std::optional<AllocationRule> ParseAllocationRule(std::string_view text) {
  if (text == "coordinator") return AllocationRule::kCoordinator;
  if (text == "pro-rata") return AllocationRule::kProRata;
  return std::nullopt;
}

std::string_view AllocationRuleName(AllocationRule rule) {
  return rule == AllocationRule::kCoordinator ? "coordinator" : "pro-rata";
}

PaymentAllocation AllocatePayments(const AllocationInputs& in,
                                   const std::vector<std::string>& names) {
  PaymentAllocation allocation;
  allocation.rule = in.rule;
  allocation.institution.name = "Institution";
  allocation.departments.resize(names.size());
  for (size_t d = 0; d < names.size(); ++d) allocation.departments[d].name = names[d];
  static const std::map<std::string, std::string> kNone;
  const auto& coordinators = in.coordinator_of_patient ? *in.coordinator_of_patient : kNone;
  const auto& organisations =
      in.organisation_of_department ? *in.organisation_of_department : kNone;
  std::vector<int> same(names.size());
  for (size_t d = 0; d < same.size(); ++d) same[d] = static_cast<int>(d);
  const std::vector<int> organisation_of =
      OrganisationOf(names, organisations, &allocation.organisations);
  for (const auto& [patient_id, care] : BilledPatients(in, names)) {
    if (care.latest == nullptr || !HoldsValidCluster(*care.latest, in.month)) continue;
    const int64_t payment = in.tariffs->by_cluster[care.latest->ReportedCluster()].expected_cents;
    auto named = coordinators.find(patient_id);
    const int named_index = named != coordinators.end() ? IndexIn(names, named->second) : -1;
    const int payer = named_index >= 0 ? named_index : care.latest_department;
    const std::map<int, int64_t> parts = DepartmentParts(care, payer, payment);
    std::set<int> billed;
    for (const auto& [department, cents] : care.billed_cents) billed.insert(department);
    AddPayment(in.rule, payer, parts, billed, same, &allocation.departments);
    AddPayment(in.rule, payer, parts, billed, organisation_of, &allocation.organisations);
    ++allocation.institution.paid_patients;
    allocation.institution.received_cents += payment;
    allocation.institution.allocated_cents += payment;
    if (billed.size() > 1) ++allocation.institution.shared_patients;
  }
  if (organisations.empty()) allocation.organisations.clear();
  return allocation;
}

}  // namespace clusterpilot
