#include "store/override_table.h"

#include <algorithm>
#include <cctype>

#include "store/audit_log.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

Error OverrideError(const std::string& field, const std::string& value, std::string message) {
  Error error;
  error.field = field;
  error.value = value;
  error.message = std::move(message);
  return error;
}

// Whether the measurement exists; its current classification's cluster in
// *cluster (0 when it has none).
Result<bool> FindMeasurement(Store& store, int64_t measurement_id, int* cluster) {
  SqlStatement find(store,
                    "SELECT m.id, c.cluster FROM measurement m "
                    "LEFT JOIN current_classification c ON c.measurement_id = m.id "
                    "WHERE m.id = ?");
  find.BindInt(1, measurement_id);
  if (!find.Step()) {
    if (!find.status().ok()) return find.status().error();
    return false;
  }
  *cluster = find.IsNull(1) ? 0 : static_cast<int>(find.Int(1));
  return true;
}

Status InsertOverride(Store& store, const ClinicianOverride& entry, int64_t* id) {
  SqlStatement insert(
      store,
      "INSERT INTO clinician_override(measurement_id, cluster, reason, by_user, at) "
      "VALUES(?,?,?,?,?)");
  insert.BindInt(1, entry.measurement_id);
  insert.BindInt(2, entry.cluster);
  insert.BindText(3, entry.reason);
  insert.BindText(4, entry.by_user);
  insert.BindText(5, entry.at);
  Status status = insert.Run();
  if (!status.ok()) return status;
  *id = store.LastInsertId();
  return Status::Ok();
}

}  // namespace

Result<OverrideOutcome> RecordOverride(Store& store, int64_t measurement_id, int cluster,
                                       const std::string& reason, const std::string& by_user) {
  if (IsBlank(reason)) {
    return OverrideError("reason", "", "required: say why the clinician chose this cluster");
  }
  OverrideOutcome outcome;
  outcome.stored = ClinicianOverride{0, measurement_id, cluster, reason, by_user, UtcTimestamp()};
  Status status = store.InTransaction([&]() -> Status {
    Result<bool> found = FindMeasurement(store, measurement_id, &outcome.algorithm_cluster);
    if (!found.ok()) return found.error();
    if (!found.value()) {
      return OverrideError("measurement", std::to_string(measurement_id),
                           "no such measurement in " + store.path());
    }
    Status inserted = InsertOverride(store, outcome.stored, &outcome.stored.id);
    if (!inserted.ok()) return inserted;
    const std::string algorithm = outcome.algorithm_cluster > 0
                                      ? std::to_string(outcome.algorithm_cluster)
                                      : std::string("none");
    return RecordAudit(store, by_user, "override",
                       "measurement " + std::to_string(measurement_id) + ": cluster " +
                           std::to_string(cluster) + " (algorithm: " + algorithm + ")");
  });
  if (!status.ok()) return status.error();
  return outcome;
}

Result<std::vector<ClinicianOverride>> ReadOverrides(Store& store, int64_t measurement_id) {
  SqlStatement select(store,
                      "SELECT id, measurement_id, cluster, reason, by_user, at "
                      "FROM clinician_override WHERE measurement_id = ? ORDER BY id");
  select.BindInt(1, measurement_id);
  std::vector<ClinicianOverride> overrides;
  while (select.Step()) {
    overrides.push_back({select.Int(0), select.Int(1), static_cast<int>(select.Int(2)),
                         std::string(select.Text(3)), std::string(select.Text(4)),
                         std::string(select.Text(5))});
  }
  if (!select.status().ok()) return select.status().error();
  return overrides;
}

}  // namespace clusterpilot
