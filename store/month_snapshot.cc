#include "store/month_snapshot.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "store/override_table.h"
#include "store/rating_columns.h"
#include "store/sql_dialect.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Which measurements a month holds. On SQLite: their ids, from the
// rating-date index alone, so the rows are fetched by id rather than in date
// order. Rows are stored in import order (patient by patient), so a month's
// rows lie scattered over the whole table; fetched in date order, each day
// of the month runs through the table again and every page is read some
// twenty times, fetched in id order each page is read once. SQLite walks an
// `id IN (...)` list in ascending order; classifications are stored in
// measurement order, so their look-ups follow along. PostgreSQL's bitmap
// scans read the heap in physical order from the date range itself, and its
// planner may join an id list against the whole primary key.
std::string MonthCondition(SqlDialect dialect) {
  if (dialect == SqlDialect::kPostgresql) {
    return "WHERE m.rating_date >= ?1 AND m.rating_date < ?2";
  }
  return "WHERE m.id IN (SELECT dated.id FROM measurement dated "
         "WHERE dated.rating_date >= ?1 AND dated.rating_date < ?2)";
}

// The month's measurements, each with its current classification and latest
// override looked up by measurement id: every row read belongs to the month,
// however long the history.
std::string MonthQuery(SqlDialect dialect) {
  return "SELECT m.id, m.patient_id, m.department, m.rating_date, " + RatingColumnList("m") +
         ", c.id, c.cluster, c.probabilities, c.flags, "
         "(SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = m.id "
         "ORDER BY o.id DESC LIMIT 1) "
         "FROM measurement m "
         "LEFT JOIN current_classification c ON c.measurement_id = m.id " +
         MonthCondition(dialect);
}

// The same rows with only what a cluster count needs: no item ratings, no
// probabilities.
std::string ClustersOnlyQuery(SqlDialect dialect) {
  return "SELECT m.id, m.patient_id, m.department, m.rating_date, c.id, c.cluster, c.flags, "
         "(SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = m.id "
         "ORDER BY o.id DESC LIMIT 1) "
         "FROM measurement m "
         "LEFT JOIN current_classification c ON c.measurement_id = m.id " +
         MonthCondition(dialect);
}

// Who was rated in a month, in each department: from the department's
// (department, rating date, patient) index alone on SQLite, one range per
// department, so nothing of the table is read. CROSS JOIN keeps the
// departments outside: SQLite would otherwise walk the whole index. A
// patient rated twice comes twice (the caller sorts anyway; DISTINCT cost
// seven times the read on the 10M store).
std::string MonthPatientsQuery(SqlDialect dialect) {
  if (dialect == SqlDialect::kPostgresql) {
    return "SELECT patient_id, department FROM measurement "
           "WHERE rating_date >= ?1 AND rating_date < ?2";
  }
  return "SELECT m.patient_id, m.department FROM measurement_department "
         "CROSS JOIN measurement m INDEXED BY measurement_by_department_date "
         "ON m.department = measurement_department.name "
         "WHERE m.rating_date >= ?1 AND m.rating_date < ?2";
}

constexpr const char* kCountInMonth =
    "SELECT count(*) FROM measurement WHERE rating_date >= ?1 AND rating_date < ?2";

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
  kOverrideCluster,
};

struct MeasurementRow {
  PatientMonth patient;
  std::string department_name;
  std::string probabilities_text;
};

MeasurementRow ReadRow(const SqlStatement& select) {
  MeasurementRow row;
  PatientMonth& patient = row.patient;
  patient.measurement_id = select.Int(kId);
  patient.patient_id = select.Text(kPatient);
  row.department_name = select.Text(kDepartment);
  patient.rating_date = select.Text(kRatingDate);
  patient.ratings = ReadRatings(select, kFirstItem);
  patient.classified = !select.IsNull(kClassificationId);
  if (patient.classified) {
    patient.algorithm_cluster =
        select.IsNull(kCluster) ? 0 : static_cast<int>(select.Int(kCluster));
    row.probabilities_text = select.Text(kProbabilities);
    patient.flags = static_cast<uint32_t>(select.Int(kFlags));
  }
  if (!select.IsNull(kOverrideCluster)) {
    patient.clinician_cluster = static_cast<int>(select.Int(kOverrideCluster));
    patient.clinician_no_cluster = patient.clinician_cluster == kNoFittingCluster;
  }
  return row;
}

// A row of ClustersOnlyQuery.
MeasurementRow ReadClustersOnlyRow(const SqlStatement& select) {
  enum { kClassification = 4, kClusterOnly, kFlagsOnly, kOverrideOnly };
  MeasurementRow row;
  PatientMonth& patient = row.patient;
  patient.measurement_id = select.Int(kId);
  patient.patient_id = select.Text(kPatient);
  row.department_name = select.Text(kDepartment);
  patient.rating_date = select.Text(kRatingDate);
  patient.classified = !select.IsNull(kClassification);
  if (patient.classified) {
    patient.algorithm_cluster =
        select.IsNull(kClusterOnly) ? 0 : static_cast<int>(select.Int(kClusterOnly));
    patient.flags = static_cast<uint32_t>(select.Int(kFlagsOnly));
  }
  if (!select.IsNull(kOverrideOnly)) {
    patient.clinician_cluster = static_cast<int>(select.Int(kOverrideOnly));
    patient.clinician_no_cluster = patient.clinician_cluster == kNoFittingCluster;
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
    if (row.patient.classified && !row.probabilities_text.empty() &&
        !DecodeProbabilities(row.probabilities_text, &row.patient.probabilities)) {
      row.patient.probabilities.clear();  // unreadable: the cluster stands without spread
    }
    snapshot->patients.push_back(std::move(row.patient));
  }
}

// How many measurements the month has, from the date index alone: sizes the
// buffers before the rows arrive.
int64_t CountInMonth(Store& store, const std::string& from, const std::string& until) {
  SqlStatement count(store, kCountInMonth);
  count.BindText(1, from);
  count.BindText(2, until);
  return count.Step() ? count.Int(0) : 0;
}

constexpr const char* kLatestRatingQuery =
    "SELECT m.id, m.rating_date, c.id, c.cluster, c.probabilities, c.flags, "
    "(SELECT o.cluster FROM clinician_override o WHERE o.measurement_id = m.id "
    "ORDER BY o.id DESC LIMIT 1) "
    "FROM measurement m "
    "LEFT JOIN current_classification c ON c.measurement_id = m.id "
    "WHERE m.patient_id = ?1 AND m.department = ?2 AND m.rating_date >= ?3 "
    "AND m.rating_date < ?4 ORDER BY m.rating_date DESC LIMIT 1";

// The looked-up row as the patient's month in `department`.
PatientMonth LatestRatingRow(const SqlStatement& select, const std::string& patient,
                             int department) {
  PatientMonth row;
  row.measurement_id = select.Int(0);
  row.patient_id = patient;
  row.department = department;
  row.rating_date = select.Text(1);
  row.classified = !select.IsNull(2);
  if (row.classified) {
    row.algorithm_cluster = select.IsNull(3) ? 0 : static_cast<int>(select.Int(3));
    if (!DecodeProbabilities(select.Text(4), &row.probabilities)) row.probabilities.clear();
    row.flags = static_cast<uint32_t>(select.Int(5));
  }
  if (!select.IsNull(6)) row.clinician_cluster = static_cast<int>(select.Int(6));
  return row;
}

}  // namespace

std::vector<std::string> MonthSnapshotQueries(SqlDialect dialect) {
  return {MonthQuery(dialect), kCountInMonth, std::string(kLatestRatingQuery),
          MonthPatientsQuery(dialect), ClustersOnlyQuery(dialect)};
}

Result<std::vector<std::pair<std::string, std::string>>> ReadMonthPatients(
    Store& store, const CalendarDate& first_day, const CalendarDate& next_first_day) {
  SqlStatement select(store, MonthPatientsQuery(store.dialect()));
  select.BindText(1, first_day.ToIso());
  select.BindText(2, next_first_day.ToIso());
  std::vector<std::pair<std::string, std::string>> pairs;
  while (select.Step()) pairs.emplace_back(select.Text(0), select.Text(1));
  if (!select.status().ok()) return select.status().error();
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

Result<MonthSnapshot> ReadLatestRatings(
    Store& store, const CalendarDate& from, const CalendarDate& until,
    const std::vector<std::pair<std::string, std::string>>& patient_departments) {
  MonthSnapshot snapshot;
  snapshot.first_day = from;
  std::map<std::string, int> department_index;
  for (const auto& pair : patient_departments) department_index.emplace(pair.second, 0);
  for (auto& [name, index] : department_index) {
    index = static_cast<int>(snapshot.departments.size());
    snapshot.departments.push_back(name);
  }
  snapshot.activity.resize(snapshot.departments.size());
  const std::string from_iso = from.ToIso();
  const std::string until_iso = until.ToIso();
  // One read transaction for all the look-ups: on SQLite each statement
  // outside one takes and drops the file's read lock (three system calls),
  // which cost more than the look-up itself.
  Status read = store.InSnapshot([&]() -> Status {
    Result<ClusterModelRecord> model = CurrentClusterModel(store);
    if (!model.ok()) return model.error();
    snapshot.model = std::move(model).value();
    SqlStatement select(store, kLatestRatingQuery);
    for (const auto& [patient, department] : patient_departments) {
      select.BindText(1, patient);
      select.BindText(2, department);
      select.BindText(3, from_iso);
      select.BindText(4, until_iso);
      if (select.Step()) {
        snapshot.patients.push_back(LatestRatingRow(select, patient, department_index[department]));
      }
      select.Reset();
    }
    return select.status();
  });
  if (!read.ok()) return read.error();
  std::sort(snapshot.patients.begin(), snapshot.patients.end(), [](const auto& a, const auto& b) {
    return std::tie(a.department, a.patient_id) < std::tie(b.department, b.patient_id);
  });
  return snapshot;
}

// The model, the count and the rows in one snapshot, so a classify run
// with a new model that commits meanwhile cannot pair one with the other.
Result<MonthSnapshot> ReadMonthSnapshot(Store& store, const CalendarDate& first_day,
                                        const CalendarDate& next_first_day, SnapshotDetail detail) {
  MonthSnapshot snapshot;
  snapshot.first_day = first_day;
  std::vector<MeasurementRow> rows;
  Status read = store.InSnapshot([&]() -> Status {
    Result<ClusterModelRecord> model = CurrentClusterModel(store);
    if (!model.ok()) return model.error();
    snapshot.model = std::move(model).value();
    const std::string from = first_day.ToIso();
    const std::string until = next_first_day.ToIso();
    const bool full = detail == SnapshotDetail::kFull;
    SqlStatement select(store,
                        full ? MonthQuery(store.dialect()) : ClustersOnlyQuery(store.dialect()),
                        SqlStatement::Rows::kStreamed);
    select.BindText(1, from);
    select.BindText(2, until);
    rows.reserve(static_cast<size_t>(CountInMonth(store, from, until)));
    while (select.Step()) rows.push_back(full ? ReadRow(select) : ReadClustersOnlyRow(select));
    return select.status();
  });
  if (!read.ok()) return read.error();
  std::map<std::string, int> department_index;
  for (const MeasurementRow& row : rows) department_index.emplace(row.department_name, 0);
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

}  // namespace clusterpilot
