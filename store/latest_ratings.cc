#include "store/latest_ratings.h"

#include "store/override_table.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Candidates first: each patient's latest day in the department (an index
// range scan of measurement_by_department), or in the whole store. Then the
// candidate stands only if no later rating exists anywhere.
constexpr const char* kSelect =
    "WITH candidate AS ("
    "  SELECT patient_id, max(rating_date) AS rating_date FROM measurement "
    "  WHERE ?1 = '' OR department = ?1 GROUP BY patient_id) "
    "SELECT m.patient_id, m.id, m.department, m.rating_date, coalesce(m.clinician, ''), "
    "  c.id, c.cluster, o.cluster "
    "FROM candidate k "
    "JOIN measurement m ON m.patient_id = k.patient_id AND m.rating_date = k.rating_date "
    "  AND (?1 = '' OR m.department = ?1) "
    "LEFT JOIN current_classification c ON c.measurement_id = m.id "
    "LEFT JOIN clinician_override o ON o.id = "
    "  (SELECT max(id) FROM clinician_override WHERE measurement_id = m.id) "
    "WHERE (?2 = '' OR m.clinician = ?2) "
    "  AND NOT EXISTS (SELECT 1 FROM measurement later "
    "    WHERE later.patient_id = m.patient_id AND later.rating_date > m.rating_date) "
    "ORDER BY m.patient_id, m.id";

LatestRating ReadRow(const SqlStatement& row) {
  LatestRating rating;
  rating.patient_id = std::string(row.Text(0));
  rating.measurement_id = row.Int(1);
  rating.department = std::string(row.Text(2));
  rating.rating_date = std::string(row.Text(3));
  rating.clinician = std::string(row.Text(4));
  rating.classified = !row.IsNull(5);
  if (rating.classified && !row.IsNull(6)) rating.final_cluster = static_cast<int>(row.Int(6));
  if (!row.IsNull(7)) {
    rating.final_cluster = static_cast<int>(row.Int(7));
    rating.no_fitting_cluster = rating.final_cluster == kNoFittingCluster;
  }
  return rating;
}

}  // namespace

Result<std::vector<LatestRating>> ReadLatestRatings(Store& store,
                                                    const LatestRatingFilter& filter) {
  SqlStatement select(store, kSelect);
  select.BindText(1, filter.department);
  select.BindText(2, filter.clinician);
  std::vector<LatestRating> ratings;
  while (select.Step()) {
    // Same-day ratings in two departments: the later row replaces the earlier.
    if (!ratings.empty() && ratings.back().patient_id == select.Text(0)) ratings.pop_back();
    ratings.push_back(ReadRow(select));
  }
  if (!select.status().ok()) return select.status().error();
  return ratings;
}

}  // namespace clusterpilot
