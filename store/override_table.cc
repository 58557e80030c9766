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

constexpr const char* kSelectSubject =
    "SELECT m.id, m.supercluster, c.id, c.cluster, cm.id, cm.name, cm.version, "
    "cm.content_hash, cm.loaded_at, "
    "(SELECT coalesce(max(version), 0) FROM clinician_override WHERE measurement_id = m.id) "
    "FROM measurement m "
    "LEFT JOIN current_classification c ON c.measurement_id = m.id "
    "LEFT JOIN cluster_model cm ON cm.id = c.model_id "
    "WHERE m.id = ?";

ReviewSubject ReadSubjectRow(const SqlStatement& row) {
  ReviewSubject subject;
  subject.measurement_id = row.Int(0);
  const int64_t supercluster = row.Int(1);
  if (supercluster >= 0 && supercluster <= 3) {
    subject.supercluster = static_cast<Supercluster>(supercluster);
  }
  subject.classified = !row.IsNull(2);
  if (subject.classified) {
    subject.algorithm_cluster = row.IsNull(3) ? 0 : static_cast<int>(row.Int(3));
    subject.model = {row.Int(4), std::string(row.Text(5)), std::string(row.Text(6)),
                     std::string(row.Text(7)), std::string(row.Text(8))};
  }
  subject.version = static_cast<int>(row.Int(9));
  return subject;
}

Status InsertOverride(Store& store, const ClinicianOverride& entry, int64_t* id) {
  SqlStatement insert(
      store,
      "INSERT INTO clinician_override(measurement_id, cluster, reason, by_user, at, "
      "version, outside_supercluster) VALUES(?,?,?,?,?,?,?)");
  insert.BindInt(1, entry.measurement_id);
  insert.BindInt(2, entry.cluster);
  insert.BindText(3, entry.reason);
  insert.BindText(4, entry.by_user);
  insert.BindText(5, entry.at);
  insert.BindInt(6, entry.version);
  insert.BindInt(7, entry.outside_supercluster ? 1 : 0);
  Status status = insert.Run();
  if (!status.ok()) return status;
  *id = store.LastInsertId();
  return Status::Ok();
}

Error ConflictError(int64_t measurement_id, int expected, int current) {
  return OverrideError("version", std::to_string(expected),
                       "measurement " + std::to_string(measurement_id) +
                           " was reviewed by someone else meanwhile (now at version " +
                           std::to_string(current) + "); reload it and decide again");
}

std::string AuditObject(const ClinicianOverride& stored, int algorithm_cluster) {
  const std::string algorithm =
      algorithm_cluster > 0 ? std::to_string(algorithm_cluster) : std::string("none");
  return "measurement " + std::to_string(stored.measurement_id) + ": " +
         DescribeDecision(stored.cluster, stored.outside_supercluster) +
         " (algorithm: " + algorithm + ")";
}

// Inside the transaction: checks and stores one decision.
Status StoreDecision(Store& store, const ReviewDecision& decision, OverrideOutcome* outcome) {
  Result<std::optional<ReviewSubject>> subject = ReadReviewSubject(store, decision.measurement_id);
  if (!subject.ok()) return subject.error();
  if (!subject.value()) {
    return OverrideError("measurement", std::to_string(decision.measurement_id),
                         "no such measurement in " + store.path());
  }
  const int current = subject.value()->version;
  if (decision.expected_version && *decision.expected_version != current) {
    return ConflictError(decision.measurement_id, *decision.expected_version, current);
  }
  outcome->algorithm_cluster = subject.value()->algorithm_cluster;
  outcome->stored.version = current + 1;
  Status inserted = InsertOverride(store, outcome->stored, &outcome->stored.id);
  if (!inserted.ok()) return inserted;
  return RecordAudit(store, decision.by_user, "override",
                     AuditObject(outcome->stored, outcome->algorithm_cluster));
}

}  // namespace

std::string DescribeDecision(int cluster, bool outside_supercluster) {
  if (cluster == kNoFittingCluster) return "no fitting cluster";
  return "cluster " + std::to_string(cluster) +
         (outside_supercluster ? " outside the supercluster" : "");
}

Result<std::optional<ReviewSubject>> ReadReviewSubject(Store& store, int64_t measurement_id) {
  SqlStatement select(store, kSelectSubject);
  select.BindInt(1, measurement_id);
  if (!select.Step()) {
    if (!select.status().ok()) return select.status().error();
    return std::optional<ReviewSubject>();
  }
  return std::optional<ReviewSubject>(ReadSubjectRow(select));
}

Result<OverrideOutcome> RecordReview(Store& store, const ReviewDecision& decision) {
  if (IsBlank(decision.reason)) {
    return OverrideError("reason", "", "required: say why the clinician chose this cluster");
  }
  OverrideOutcome outcome;
  outcome.stored.measurement_id = decision.measurement_id;
  outcome.stored.cluster = decision.cluster;
  outcome.stored.reason = decision.reason;
  outcome.stored.by_user = decision.by_user;
  outcome.stored.at = UtcTimestamp();
  outcome.stored.outside_supercluster = decision.outside_supercluster;
  Status status =
      store.InTransaction([&]() -> Status { return StoreDecision(store, decision, &outcome); });
  if (!status.ok()) return status.error();
  return outcome;
}

Result<OverrideOutcome> RecordOverride(Store& store, int64_t measurement_id, int cluster,
                                       const std::string& reason, const std::string& by_user) {
  ReviewDecision decision;
  decision.measurement_id = measurement_id;
  decision.cluster = cluster;
  decision.reason = reason;
  decision.by_user = by_user;
  return RecordReview(store, decision);
}

Result<std::vector<ClinicianOverride>> ReadOverrides(Store& store, int64_t measurement_id) {
  SqlStatement select(store,
                      "SELECT id, measurement_id, cluster, reason, by_user, at, version, "
                      "outside_supercluster FROM clinician_override WHERE measurement_id = ? "
                      "ORDER BY id");
  select.BindInt(1, measurement_id);
  std::vector<ClinicianOverride> overrides;
  while (select.Step()) {
    overrides.push_back({select.Int(0), select.Int(1), static_cast<int>(select.Int(2)),
                         std::string(select.Text(3)), std::string(select.Text(4)),
                         std::string(select.Text(5)), static_cast<int>(select.Int(6)),
                         select.Int(7) != 0});
  }
  if (!select.status().ok()) return select.status().error();
  return overrides;
}

}  // namespace clusterpilot
