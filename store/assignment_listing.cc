#include "store/assignment_listing.h"

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr const char* kSelect =
    "SELECT m.id, m.patient_id, m.department, m.rating_date, coalesce(m.clinician, ''), "
    "m.supercluster, c.id, cm.name, cm.version, c.cluster, c.probability, c.probabilities, "
    "c.flags, c.flag_reasons, c.explanation, c.classified_at, "
    "o.id, o.cluster, o.reason, o.by_user, o.at, o.version, o.outside_supercluster "
    "FROM measurement m";

constexpr const char* kJoins =
    " LEFT JOIN current_classification c ON c.measurement_id = m.id "
    "LEFT JOIN cluster_model cm ON cm.id = c.model_id "
    "LEFT JOIN clinician_override o ON o.id = "
    "  (SELECT max(id) FROM clinician_override WHERE measurement_id = m.id) ";

constexpr const char* kOrder = "ORDER BY m.department, m.rating_date, m.patient_id, m.id";

// The department's parameter: after the month's two, or the only one. A
// parameter no condition names would leave PostgreSQL unable to type it.
int DepartmentParameter(const AssignmentFilter& filter) { return filter.month ? 3 : 1; }

// One WHERE per shape of the filter, each a plain condition an index serves
// (the rating date's for a month, the department's for a department): a
// catch-all "?1 = '' OR ..." cannot use either and reads every measurement.
// ?1 and ?2 are the month as [its first day, the next month's first day).
std::string WhereClause(const AssignmentFilter& filter) {
  const std::string month = "m.rating_date >= ?1 AND m.rating_date < ?2";
  const std::string department = "m.department = ?" + std::to_string(DepartmentParameter(filter));
  if (filter.month && !filter.department.empty()) {
    return "WHERE " + department + " AND " + month + " ";
  }
  if (filter.month) return "WHERE " + month + " ";
  if (!filter.department.empty()) return "WHERE " + department + " ";
  return "";
}

std::string Text(const SqlStatement& row, int column) { return std::string(row.Text(column)); }

AssignmentRow ReadRow(const SqlStatement& row) {
  AssignmentRow entry;
  entry.measurement_id = row.Int(0);
  entry.patient_id = Text(row, 1);
  entry.department = Text(row, 2);
  entry.rating_date = Text(row, 3);
  entry.clinician = Text(row, 4);
  const int64_t supercluster = row.Int(5);
  if (supercluster >= 0 && supercluster <= 3) {
    entry.supercluster = static_cast<Supercluster>(supercluster);
  }
  entry.classified = !row.IsNull(6);
  if (entry.classified) {
    entry.model_name = Text(row, 7);
    entry.model_version = Text(row, 8);
    entry.cluster = row.IsNull(9) ? 0 : static_cast<int>(row.Int(9));
    entry.probability = row.IsNull(10) ? 0 : row.Double(10);
    entry.probabilities = Text(row, 11);
    entry.flags = static_cast<uint32_t>(row.Int(12));
    entry.flag_reasons = Text(row, 13);
    entry.explanation = Text(row, 14);
    entry.classified_at = Text(row, 15);
  }
  if (!row.IsNull(16)) {
    entry.clinician_override = ClinicianOverride{
        row.Int(16),   entry.measurement_id, static_cast<int>(row.Int(17)), Text(row, 18),
        Text(row, 19), Text(row, 20),        static_cast<int>(row.Int(21)), row.Int(22) != 0};
  }
  return entry;
}

// A month of all departments is read through the rating date's index. Without
// statistics SQLite guesses several classifications a measurement (the
// index it joins them by is not unique on SQLite), and then prefers walking
// every measurement in department order to sorting the month's rows.
std::string FromMeasurements(const AssignmentFilter& filter, SqlDialect dialect) {
  const bool month_only = filter.month && filter.department.empty();
  const char* index =
      month_only && dialect == SqlDialect::kSqlite ? " INDEXED BY measurement_by_date" : "";
  return std::string(kSelect) + index + kJoins;
}

}  // namespace

std::string AssignmentQuery(const AssignmentFilter& filter, SqlDialect dialect) {
  return FromMeasurements(filter, dialect) + WhereClause(filter) + kOrder;
}

Result<std::vector<AssignmentRow>> ReadAssignments(Store& store, const AssignmentFilter& filter) {
  SqlStatement select(store, AssignmentQuery(filter, store.dialect()));
  if (filter.month) {
    select.BindText(1, filter.month->FirstDayIso());
    select.BindText(2, filter.month->Plus(1).FirstDayIso());
  }
  if (!filter.department.empty()) select.BindText(DepartmentParameter(filter), filter.department);
  std::vector<AssignmentRow> rows;
  while (select.Step()) rows.push_back(ReadRow(select));
  if (!select.status().ok()) return select.status().error();
  return rows;
}

Result<std::optional<AssignmentRow>> ReadAssignment(Store& store, int64_t measurement_id) {
  SqlStatement select(store, FromMeasurements({}, store.dialect()) + "WHERE m.id = ?");
  select.BindInt(1, measurement_id);
  if (select.Step()) return std::optional<AssignmentRow>(ReadRow(select));
  if (!select.status().ok()) return select.status().error();
  return std::optional<AssignmentRow>();
}

}  // namespace clusterpilot
