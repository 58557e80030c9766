#include "store/measurement_review.h"

#include "store/rating_columns.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {

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
