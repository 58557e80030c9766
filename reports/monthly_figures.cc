#include "reports/monthly_figures.h"

#include <algorithm>
#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/count.hpp>
#include <boost/accumulators/statistics/mean.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <memory>
#include <set>
#include <unordered_set>

#include "core/honos_items.h"
#include "reports/dutch_number.h"
#include "store/care_coordination.h"

namespace clusterpilot {
namespace {

namespace acc = boost::accumulators;
using MeanOf = acc::accumulator_set<double, acc::stats<acc::tag::mean, acc::tag::count>>;

constexpr Subscale kSubscales[kReportedSubscales] = {Subscale::kBehaviour, Subscale::kImpairment,
                                                     Subscale::kSymptoms, Subscale::kSocial};

struct HonosMeans {
  MeanOf total;
  std::array<MeanOf, kReportedSubscales> subscales;

  void Add(const ItemRatings& ratings) {
    int unknown = 0;
    const int total_score = HonosTotal(ratings, &unknown);
    if (unknown != 0) return;
    total(total_score);
    for (int s = 0; s < kReportedSubscales; ++s) {
      subscales[s](SubscaleTotal(ratings, kSubscales[s]));
    }
  }

  HonosAverages Result() const {
    HonosAverages averages;
    averages.complete_patients = static_cast<int64_t>(acc::count(total));
    if (averages.complete_patients == 0) return averages;
    averages.total_mean = acc::mean(total);
    for (int s = 0; s < kReportedSubscales; ++s) {
      averages.subscale_means[s] = acc::mean(subscales[s]);
    }
    return averages;
  }
};

// The report's departments: those rated this or last month, or with revenue.
std::vector<std::string> UnionOfDepartments(const MonthSnapshot& current,
                                            const TrendMonth* previous,
                                            const RevenueMonth* revenue) {
  std::set<std::string> names(current.departments.begin(), current.departments.end());
  if (previous != nullptr) {
    for (const DepartmentMonthCounts& department : previous->departments) {
      names.insert(department.department);
    }
  }
  if (revenue != nullptr) {
    for (const RevenueEntry& entry : revenue->entries) names.insert(entry.department);
  }
  return std::vector<std::string>(names.begin(), names.end());
}

// The index in `all` of each of `names`; -1 for a name `all` lacks.
std::vector<int> IndexOf(const std::vector<std::string>& names,
                         const std::vector<std::string>& all) {
  std::vector<int> index(names.size(), -1);
  for (size_t i = 0; i < names.size(); ++i) {
    auto found = std::lower_bound(all.begin(), all.end(), names[i]);
    if (found != all.end() && *found == names[i]) index[i] = static_cast<int>(found - all.begin());
  }
  return index;
}

void AddActivity(const DepartmentActivity& from, DepartmentActivity* to) {
  to->measurements += from.measurements;
  to->not_classified += from.not_classified;
  to->reviewed += from.reviewed;
  to->changed += from.changed;
}

void CountPatients(const MonthSnapshot& current, const TariffTable& tariffs,
                   const std::vector<int>& department_of, MonthlyFigures* figures) {
  std::vector<HonosMeans> means(figures->departments.size());
  HonosMeans institution_means;
  std::set<std::string> distinct;
  for (const PatientMonth& patient : current.patients) {
    DepartmentFigures& department = figures->departments[department_of[patient.department]];
    ++department.patients;
    department.clusters.Count(patient);
    department.fit.Count(patient);
    department.scenario.Price(patient, tariffs);
    means[department_of[patient.department]].Add(patient.ratings);
    institution_means.Add(patient.ratings);
    distinct.insert(patient.patient_id);
  }
  for (size_t d = 0; d < figures->departments.size(); ++d) {
    figures->departments[d].honos = means[d].Result();
  }
  figures->institution.honos = institution_means.Result();
  figures->distinct_patients = static_cast<int64_t>(distinct.size());
  for (size_t d = 0; d < current.departments.size(); ++d) {
    AddActivity(current.activity[d], &figures->departments[department_of[d]].activity);
  }
}

void CountRevenue(const RevenueMonth& revenue, const MonthSnapshot& current,
                  const std::vector<std::string>& names, MonthlyFigures* figures) {
  std::unordered_set<std::string> rated_now;
  for (const PatientMonth& patient : current.patients) {
    rated_now.insert(current.departments[patient.department] + '\x1f' + patient.patient_id);
  }
  for (size_t i = 0; i < revenue.entries.size(); ++i) {
    const RevenueEntry& entry = revenue.entries[i];
    const size_t d = std::lower_bound(names.begin(), names.end(), entry.department) - names.begin();
    DepartmentFigures& department = figures->departments[d];
    ++department.revenue_patients;
    if (revenue.rated_in_last_year[i]) ++department.revenue_patients_rated;
    department.current_revenue_cents += entry.amount_cents;
    if (rated_now.count(entry.department + '\x1f' + entry.patient_id) > 0) {
      ++department.rated_revenue_patients;
      department.rated_revenue_cents += entry.amount_cents;
    }
  }
}

void SumInstitution(MonthlyFigures* figures) {
  DepartmentFigures& total = figures->institution;
  total.name = "Institution";
  for (const DepartmentFigures& department : figures->departments) {
    total.patients += department.patients;
    AddActivity(department.activity, &total.activity);
    total.revenue_patients += department.revenue_patients;
    total.revenue_patients_rated += department.revenue_patients_rated;
    total.current_revenue_cents += department.current_revenue_cents;
    total.rated_revenue_patients += department.rated_revenue_patients;
    total.rated_revenue_cents += department.rated_revenue_cents;
    total.clusters.Add(department.clusters);
    total.fit.Add(department.fit);
    total.scenario.Add(department.scenario);
    total.change.Add(department.change);
    total.caseload.Add(department.caseload);
  }
}

void AddWarnings(MonthlyFigures* figures) {
  const DepartmentFigures& total = figures->institution;
  if (figures->model.id == 0) {
    figures->warnings.push_back(
        "no measurement has been classified yet: run clusterpilot classify");
  } else if (total.activity.not_classified > 0) {
    figures->warnings.push_back(FormatCount(total.activity.not_classified) +
                                " measurements not yet classified: run clusterpilot classify");
  }
  if (total.clusters.no_cluster > 0) {
    figures->warnings.push_back(
        FormatCount(total.clusters.no_cluster) +
        " patients fit no cluster and have no clinician's cluster: they bring no cluster revenue");
  }
  if (total.allocation.shared_patients > 0) {
    figures->warnings.push_back(
        FormatCount(total.allocation.shared_patients) +
        " patients were billed by several departments: the caseload table prices them once per "
        "department, the allocation table counts one payment per patient");
  }
  if (total.patients == 0) {
    figures->warnings.push_back("no measurements rated in " + figures->month.Key());
  }
}

// One payment per billed patient, and who receives and keeps what of it.
void AllocateCaseload(const FigureInputs& in, const std::vector<std::string>& names,
                      MonthlyFigures* figures) {
  const CareCoordination none;
  const CareCoordination& coordination = in.coordination ? *in.coordination : none;
  figures->allocation = AllocatePayments(
      AllocationInputs{.month = figures->month,
                       .rule = in.allocation_rule,
                       .billed = &in.revenue->entries,
                       .current = in.current,
                       .earlier = in.earlier,
                       .tariffs = in.tariffs,
                       .coordinator_of_patient = &coordination.coordinator_of_patient,
                       .organisation_of_department = &coordination.organisation_of_department},
      names);
  for (size_t d = 0; d < names.size(); ++d) {
    figures->departments[d].allocation = figures->allocation.departments[d];
  }
}

std::vector<int> Identity(size_t size) {
  std::vector<int> same(size);
  for (size_t d = 0; d < same.size(); ++d) same[d] = static_cast<int>(d);
  return same;
}

}  // namespace

// The Monte Carlo of ComputeMonthlyFigures while it draws.
struct PendingIntervals {
  std::unique_ptr<ClusterRevenueSimulation> simulation;
};

namespace {

// Starts the Monte Carlo of the patients rated this month and, with
// revenue, of every billed patient at their valid cluster: one simulation,
// so that both views see the same drawn prices. The caseload's own figures
// are set now; the intervals when the draws are done (AddRevenueIntervals).
void StartRevenueSimulation(const FigureInputs& in, const std::vector<std::string>& names,
                            const std::vector<int>& department_of, MonthlyFigures* figures) {
  const int count = static_cast<int>(names.size());
  std::vector<RevenuePopulation> populations = {{&in.current->patients, department_of, count}};
  PricedCaseload caseload;
  if (in.revenue != nullptr) {
    caseload = PriceCaseload(figures->month, in.revenue->entries, *in.current, in.earlier,
                             *in.tariffs, names);
    populations.push_back({&caseload.valid, Identity(names.size()), count});
    for (size_t d = 0; d < names.size(); ++d) {
      figures->departments[d].caseload = caseload.departments[d];
    }
  }
  auto pending = std::make_shared<PendingIntervals>();
  pending->simulation =
      std::make_unique<ClusterRevenueSimulation>(populations, *in.tariffs, in.monte_carlo);
  // One core is left to the caller, which lays out the tables meanwhile
  // and then draws what is left (AddRevenueIntervals).
  pending->simulation->StartDrawing(DrawingThreads(in.monte_carlo) - 1);
  figures->pending_intervals = std::move(pending);
}

// Patients rated this month against their own previous rating in the
// department; and the previous month's distribution for the shift table.
void CompareWithEarlier(const FigureInputs& in, const std::vector<std::string>& names,
                        const std::vector<int>& department_of, MonthlyFigures* figures) {
  if (in.previous != nullptr) {
    figures->has_previous = true;
    figures->previous_month = in.previous->month;
    for (const DepartmentMonthCounts& department : in.previous->departments) {
      figures->previous_clusters.Add(department.clusters);
    }
  }
  if (in.earlier == nullptr || in.earlier->patients.empty()) return;
  figures->has_earlier = true;
  const std::vector<int> earlier_of = IndexOf(in.earlier->departments, names);
  MonthComparison comparison = CompareMonths(*in.earlier, earlier_of, *in.current, department_of,
                                             static_cast<int>(names.size()));
  for (size_t d = 0; d < names.size(); ++d) {
    figures->departments[d].change = comparison.departments[d];
  }
  figures->moves = std::move(comparison.moves);
  std::vector<TransitionCounts> transitions = CountTransitions(
      *in.earlier, earlier_of, *in.current, department_of, static_cast<int>(names.size()));
  for (size_t d = 0; d < names.size(); ++d) {
    figures->departments[d].transitions = std::move(transitions[d]);
  }
}

}  // namespace

MonthlyFigures ComputeMonthlyFigures(const FigureInputs& in) {
  const MonthSnapshot& current = *in.current;
  MonthlyFigures figures;
  figures.month = SnapshotMonth(current);
  figures.model = current.model;
  figures.tariff_file = in.tariffs->file_name;
  figures.tariffs = *in.tariffs;
  figures.monte_carlo = in.monte_carlo;
  figures.valid_rating_months = in.valid_rating_months;
  const std::vector<std::string> names = UnionOfDepartments(current, in.previous, in.revenue);
  figures.departments.resize(names.size());
  for (size_t d = 0; d < names.size(); ++d) figures.departments[d].name = names[d];
  const std::vector<int> department_of = IndexOf(current.departments, names);
  CountPatients(current, *in.tariffs, department_of, &figures);
  if (in.revenue != nullptr) {
    figures.revenue_file = in.revenue->file_name;
    CountRevenue(*in.revenue, current, names, &figures);
    AllocateCaseload(in, names, &figures);
  }
  StartRevenueSimulation(in, names, department_of, &figures);
  CompareWithEarlier(in, names, department_of, &figures);
  SumInstitution(&figures);
  figures.institution.allocation = figures.allocation.institution;
  AddWarnings(&figures);
  if (!in.intervals_apart) AddRevenueIntervals(&figures);
  return figures;
}

void AddRevenueIntervals(MonthlyFigures* figures) {
  if (!figures->pending_intervals) return;
  const std::shared_ptr<PendingIntervals> pending = std::move(figures->pending_intervals);
  figures->pending_intervals.reset();
  const std::vector<MonteCarloResult> simulated = pending->simulation->FinishDrawing();
  for (size_t d = 0; d < figures->departments.size(); ++d) {
    figures->departments[d].interval = simulated[0].departments[d];
  }
  figures->institution.interval = simulated[0].institution;
  if (simulated.size() < 2) return;
  for (size_t d = 0; d < figures->departments.size(); ++d) {
    figures->departments[d].caseload.interval = simulated[1].departments[d];
  }
  figures->institution.caseload.interval = simulated[1].institution;
}

}  // namespace clusterpilot
