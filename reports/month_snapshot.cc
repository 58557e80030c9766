#include "reports/month_snapshot.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr std::string_view kMonthQuery = R"sql(
SELECT m.id, m.patient_id, m.department, m.rating_date,
       m.hv01, m.hv02, m.hv03, m.hv04, m.hv05, m.hv06, m.hv07, m.hv08, m.hv09, m.hv10,
       m.hv11, m.hv12, m.hv13, m.hv14, m.hv15, m.hv16, m.hv17, m.hv18, m.hv19,
       c.id, c.cluster, c.probabilities, c.flags
FROM measurement m
LEFT JOIN classification c ON c.measurement_id = m.id AND c.model_id = ?1
WHERE m.rating_date >= ?2 AND m.rating_date < ?3)sql";

enum Column {
  kId = 0,
  kPatient = 1,
  kDepartment = 2,
  kRatingDate = 3,
  kFirstItem = 4,
  kClassificationId = kFirstItem + kItemCount,
  kCluster,
  kProbabilities,
  kFlags,
};

// The latest override of every measurement that has one. Overrides are few
// beside measurements; one scan of them costs less than a look-up per row.
using LatestOverrides = std::unordered_map<int64_t, int>;

Result<LatestOverrides> ReadLatestOverrides(Store& store) {
  SqlStatement select(store, "SELECT measurement_id, cluster FROM clinician_override ORDER BY id");
  LatestOverrides latest;
  while (select.Step()) latest[select.Int(0)] = static_cast<int>(select.Int(1));
  if (!select.status().ok()) return select.status().error();
  return latest;
}

struct MeasurementRow {
  PatientMonth patient;
  std::string department_name;
  std::string probabilities_text;
};

MeasurementRow ReadRow(const SqlStatement& select, const LatestOverrides& overrides) {
  MeasurementRow row;
  PatientMonth& patient = row.patient;
  patient.measurement_id = select.Int(kId);
  patient.patient_id = select.Text(kPatient);
  row.department_name = select.Text(kDepartment);
  patient.rating_date = select.Text(kRatingDate);
  for (int item = 0; item < kItemCount; ++item) {
    if (!select.IsNull(kFirstItem + item)) {
      patient.ratings[item] = static_cast<int8_t>(select.Int(kFirstItem + item));
    }
  }
  patient.classified = !select.IsNull(kClassificationId);
  if (patient.classified) {
    patient.algorithm_cluster =
        select.IsNull(kCluster) ? 0 : static_cast<int>(select.Int(kCluster));
    row.probabilities_text = select.Text(kProbabilities);
    patient.flags = static_cast<uint32_t>(select.Int(kFlags));
  }
  if (auto found = overrides.find(patient.measurement_id); found != overrides.end()) {
    patient.clinician_cluster = found->second;
  }
  return row;
}

void CountActivity(const PatientMonth& measurement, DepartmentActivity* activity) {
  ++activity->measurements;
  if (!measurement.classified) {
    ++activity->not_classified;
    return;
  }
  if (measurement.ReviewedByClinician()) {
    ++activity->reviewed;
    if (measurement.clinician_cluster != measurement.algorithm_cluster) ++activity->changed;
  }
}

// Keeps the latest measurement of each patient in each department.
// Keeps the latest measurement of each patient in each department. Sorts
// indices rather than the rows themselves, which are large.
void KeepLatestPerPatient(std::vector<MeasurementRow>* rows, MonthSnapshot* snapshot) {
  std::vector<uint32_t> order(rows->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  auto key = [rows](uint32_t i) {
    const PatientMonth& p = (*rows)[i].patient;
    return std::tie(p.department, p.patient_id, p.rating_date, p.measurement_id);
  };
  std::sort(order.begin(), order.end(), [&key](uint32_t a, uint32_t b) { return key(a) < key(b); });
  snapshot->patients.reserve(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    MeasurementRow& row = (*rows)[order[i]];
    const bool last_of_patient =
        i + 1 == order.size() ||
        (*rows)[order[i + 1]].patient.department != row.patient.department ||
        (*rows)[order[i + 1]].patient.patient_id != row.patient.patient_id;
    if (!last_of_patient) continue;
    if (row.patient.classified &&
        !DecodeProbabilities(row.probabilities_text, &row.patient.probabilities)) {
      row.patient.probabilities.clear();  // unreadable: the cluster stands without spread
    }
    snapshot->patients.push_back(std::move(row.patient));
  }
}

// How many measurements the month has, from the date index alone: sizes the
// buffers before the rows arrive.
int64_t CountInMonth(Store& store, const CalendarMonth& month) {
  SqlStatement count(
      store, "SELECT count(*) FROM measurement WHERE rating_date >= ?1 AND rating_date < ?2");
  count.BindText(1, month.FirstDayIso());
  count.BindText(2, month.Plus(1).FirstDayIso());
  return count.Step() ? count.Int(0) : 0;
}

}  // namespace

Result<ClusterModelInfo> LatestClusterModel(Store& store) {
  SqlStatement select(store,
                      "SELECT id, name, version FROM cluster_model ORDER BY id DESC LIMIT 1");
  ClusterModelInfo model;
  if (select.Step()) {
    model.id = select.Int(0);
    model.name = select.Text(1);
    model.version = select.Text(2);
  }
  if (!select.status().ok()) return select.status().error();
  return model;
}

Result<MonthSnapshot> LoadMonthSnapshot(Store& store, const CalendarMonth& month,
                                        const ClusterModelInfo& model) {
  MonthSnapshot snapshot;
  snapshot.month = month;
  snapshot.model = model;
  Result<LatestOverrides> overrides = ReadLatestOverrides(store);
  if (!overrides.ok()) return overrides.error();
  SqlStatement select(store, kMonthQuery);
  select.BindInt(1, model.id);
  select.BindText(2, month.FirstDayIso());
  select.BindText(3, month.Plus(1).FirstDayIso());
  std::vector<MeasurementRow> rows;
  rows.reserve(static_cast<size_t>(CountInMonth(store, month)));
  std::map<std::string, int> department_index;
  while (select.Step()) {
    rows.push_back(ReadRow(select, overrides.value()));
    department_index.emplace(rows.back().department_name, 0);
  }
  if (!select.status().ok()) return select.status().error();
  for (auto& [name, index] : department_index) {
    index = static_cast<int>(snapshot.departments.size());
    snapshot.departments.push_back(name);
  }
  snapshot.activity.resize(snapshot.departments.size());
  for (MeasurementRow& row : rows) {
    row.patient.department = department_index[row.department_name];
    CountActivity(row.patient, &snapshot.activity[row.patient.department]);
  }
  KeepLatestPerPatient(&rows, &snapshot);
  return snapshot;
}

Result<std::set<std::string>> StoreDepartments(Store& store) {
  SqlStatement select(store, "SELECT DISTINCT department FROM measurement");
  std::set<std::string> departments;
  while (select.Step()) departments.emplace(select.Text(0));
  if (!select.status().ok()) return select.status().error();
  return departments;
}

Result<bool> HasDepartment(Store& store, const std::string& department) {
  SqlStatement select(store, "SELECT 1 FROM measurement WHERE department = ?1 LIMIT 1");
  select.BindText(1, department);
  const bool found = select.Step();
  if (!select.status().ok()) return select.status().error();
  return found;
}

Result<std::optional<CalendarMonth>> LatestRatedMonth(Store& store) {
  SqlStatement select(store, "SELECT max(rating_date) FROM measurement");
  std::optional<CalendarMonth> month;
  if (select.Step() && !select.IsNull(0)) {
    const Result<CalendarMonth> parsed = CalendarMonth::Parse(select.Text(0).substr(0, 7));
    if (parsed.ok()) month = parsed.value();
  }
  if (!select.status().ok()) return select.status().error();
  return month;
}

Result<std::vector<bool>> RatedInLastYear(
    Store& store, const CalendarMonth& month,
    const std::vector<std::pair<std::string, std::string>>& patient_departments) {
  SqlStatement select(store,
                      "SELECT 1 FROM measurement WHERE patient_id = ?1 AND department = ?2 "
                      "AND rating_date >= ?3 AND rating_date < ?4 LIMIT 1");
  const std::string from = month.Plus(-11).FirstDayIso();
  const std::string until = month.Plus(1).FirstDayIso();
  std::vector<bool> rated;
  rated.reserve(patient_departments.size());
  for (const auto& [patient, department] : patient_departments) {
    select.BindText(1, patient);
    select.BindText(2, department);
    select.BindText(3, from);
    select.BindText(4, until);
    rated.push_back(select.Step());
    select.Reset();
  }
  if (!select.status().ok()) return select.status().error();
  return rated;
}

}  // namespace clusterpilot
