#include "store/latest_ratings.h"

#include "store/override_table.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Candidates first: each patient's latest day in the department (a range of
// measurement_by_department_date, read from the index alone), or in the
// whole store. Then the candidate stands only if no later rating exists
// anywhere.
constexpr const char* kCandidates =
    "WITH candidate AS ("
    "  SELECT patient_id, max(rating_date) AS rating_date FROM measurement ";
constexpr const char* kLatest =
    "GROUP BY patient_id) "
    "SELECT m.patient_id, m.id, m.department, m.rating_date, coalesce(m.clinician, ''), "
    "  c.id, c.cluster, o.cluster "
    "FROM candidate k "
    "JOIN measurement m ON m.patient_id = k.patient_id AND m.rating_date = k.rating_date ";
constexpr const char* kRest =
    "LEFT JOIN current_classification c ON c.measurement_id = m.id "
    "LEFT JOIN clinician_override o ON o.id = "
    "  (SELECT max(id) FROM clinician_override WHERE measurement_id = m.id) "
    "WHERE NOT EXISTS (SELECT 1 FROM measurement later "
    "    WHERE later.patient_id = m.patient_id AND later.rating_date > m.rating_date) ";
constexpr const char* kOrder = "ORDER BY m.patient_id, m.id";

// The clinician's parameter: after the department's, or the only one. A
// parameter no condition names would leave PostgreSQL unable to type it.
int ClinicianParameter(const LatestRatingFilter& filter) {
  return filter.department.empty() ? 1 : 2;
}

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

// One query per shape of the filter, each condition plain: a catch-all
// "?1 = '' OR department = ?1" cannot use the department's index and reads
// every measurement.
std::string LatestRatingsQuery(const LatestRatingFilter& filter) {
  const bool department = !filter.department.empty();
  std::string sql = kCandidates;
  if (department) sql += "WHERE department = ?1 ";
  sql += kLatest;
  if (department) sql += "AND m.department = ?1 ";
  sql += kRest;
  if (!filter.clinician.empty()) {
    sql += "AND m.clinician = ?" + std::to_string(ClinicianParameter(filter)) + " ";
  }
  return sql + kOrder;
}

Result<std::vector<LatestRating>> ReadLatestRatings(Store& store,
                                                    const LatestRatingFilter& filter) {
  SqlStatement select(store, LatestRatingsQuery(filter));
  if (!filter.department.empty()) select.BindText(1, filter.department);
  if (!filter.clinician.empty()) select.BindText(ClinicianParameter(filter), filter.clinician);
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
