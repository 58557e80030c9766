#include "store/measurement_review.h"

#include "store/rating_columns.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

Result<std::optional<ClinicianOverride>> LatestOverride(Store& store, int64_t measurement_id) {
  SqlStatement select(store,
                      "SELECT id, cluster, reason, by_user, at FROM clinician_override "
                      "WHERE measurement_id = ? ORDER BY id DESC LIMIT 1");
  select.BindInt(1, measurement_id);
  if (!select.Step()) {
    if (!select.status().ok()) return select.status().error();
    return std::optional<ClinicianOverride>();
  }
  return std::optional<ClinicianOverride>(ClinicianOverride{
      select.Int(0), measurement_id, static_cast<int>(select.Int(1)), std::string(select.Text(2)),
      std::string(select.Text(3)), std::string(select.Text(4))});
}

}  // namespace

Result<int64_t> ReviewVersion(Store& store, int64_t measurement_id) {
  Result<std::optional<ClinicianOverride>> latest = LatestOverride(store, measurement_id);
  if (!latest.ok()) return latest.error();
  return latest.value() ? latest.value()->id : int64_t{0};
}

Result<ReviewOutcome> SaveReview(Store& store, const MeasurementReview& review) {
  ReviewOutcome outcome;
  Status status = store.InTransaction([&]() -> Status {
    Result<std::optional<ClinicianOverride>> latest = LatestOverride(store, review.measurement_id);
    if (!latest.ok()) return latest.error();
    const int64_t version = latest.value() ? latest.value()->id : 0;
    if (version != review.seen_version) {
      outcome.conflict = true;
      outcome.review = *latest.value();
      return Status::Ok();
    }
    Result<OverrideOutcome> stored =
        RecordOverride(store, review.measurement_id, review.cluster, review.reason, review.by_user);
    if (!stored.ok()) return stored.error();
    outcome.review = stored.value().stored;
    return Status::Ok();
  });
  if (!status.ok()) return status.error();
  return outcome;
}

Result<std::optional<ItemRatings>> ReadMeasurementRatings(Store& store, int64_t measurement_id) {
  SqlStatement select(store, "SELECT " + RatingColumnList("") + " FROM measurement WHERE id = ?");
  select.BindInt(1, measurement_id);
  if (select.Step()) return std::optional<ItemRatings>(ReadRatings(select, 0));
  if (!select.status().ok()) return select.status().error();
  return std::optional<ItemRatings>();
}

Result<std::vector<TimelinePoint>> ReadPatientTimeline(Store& store,
                                                       const std::string& patient_id) {
  SqlStatement select(
      store,
      "SELECT m.id, m.rating_date, m.department, "
      "  coalesce((SELECT cluster FROM clinician_override WHERE measurement_id = m.id "
      "            ORDER BY id DESC LIMIT 1), c.cluster, 0) "
      "FROM measurement m LEFT JOIN current_classification c ON c.measurement_id = m.id "
      "WHERE m.patient_id = ? ORDER BY m.rating_date, m.id");
  select.BindText(1, patient_id);
  std::vector<TimelinePoint> points;
  while (select.Step()) {
    points.push_back({select.Int(0), std::string(select.Text(1)), std::string(select.Text(2)),
                      static_cast<int>(select.Int(3))});
  }
  if (!select.status().ok()) return select.status().error();
  return points;
}

}  // namespace clusterpilot
