#include "store/latest_ratings.h"

#include <string>

#include "store/override_table.h"
#include "store/sql_dialect.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Each patient's latest rating with its final cluster, all from one range
// of latest_rating_by_department: the index holds every column read, and
// the clusters are kept beside the rating (RefreshLatestClusters). Reading
// each candidate's classification and review instead took 16,000 page
// reads for one department of the 1M-measurement store, scattered over the
// whole history; this reads about 40. A cluster kept for another model than
// the one in use reads as not classified, never as the other model's.
constexpr const char* kCandidates =
    "SELECT patient_id, measurement_id, department, rating_date, coalesce(clinician, ''), "
    "  CASE WHEN cluster_model_id = "
    "    (SELECT model_id FROM cluster_model_use ORDER BY id DESC LIMIT 1) THEN 1 ELSE 0 END, "
    "  model_cluster, override_cluster "
    "FROM latest_rating ";
constexpr const char* kByPatient = "ORDER BY patient_id";

// The clusters kept beside each latest rating: the current model's
// classification and the clinician's latest decision about it.
constexpr const char* kRefreshClusters =
    "UPDATE latest_rating SET "
    "  cluster_model_id = (SELECT c.model_id FROM current_classification c "
    "    WHERE c.measurement_id = latest_rating.measurement_id), "
    "  model_cluster = (SELECT c.cluster FROM current_classification c "
    "    WHERE c.measurement_id = latest_rating.measurement_id), "
    "  override_cluster = (SELECT o.cluster FROM clinician_override o "
    "    WHERE o.measurement_id = latest_rating.measurement_id ORDER BY o.id DESC LIMIT 1) ";

// Each patient's latest of the measurements `where` selects, as rows for
// latest_rating: the latest day, and of one day the highest id.
std::string RankedLatestInsert(const std::string& where) {
  return "INSERT INTO latest_rating(patient_id, measurement_id, department, rating_date, "
         "clinician) "
         "SELECT patient_id, id, department, rating_date, clinician FROM ("
         "  SELECT patient_id, id, department, rating_date, clinician, row_number() OVER ("
         "    PARTITION BY patient_id ORDER BY rating_date DESC, id DESC) AS latest "
         "  FROM measurement " +
         where + ") AS ranked WHERE latest = 1 ";
}

// Of this batch's measurements (ids above `highest_id_before`), each
// patient's latest; it replaces the kept one when later, or on the same day
// stored later. The batch's own rows are ranked first because PostgreSQL's
// ON CONFLICT may touch a row once per statement.
const std::string& KeepLatestSql() {
  static const std::string sql =
      RankedLatestInsert("WHERE id > ?1 AND batch_id = ?2") +
      "ON CONFLICT (patient_id) DO UPDATE SET measurement_id = excluded.measurement_id, "
      "  department = excluded.department, rating_date = excluded.rating_date, "
      "  clinician = excluded.clinician, cluster_model_id = NULL, model_cluster = NULL, "
      "  override_cluster = NULL "
      "WHERE excluded.rating_date > latest_rating.rating_date "
      "   OR (excluded.rating_date = latest_rating.rating_date "
      "       AND excluded.measurement_id > latest_rating.measurement_id)";
  return sql;
}

// Every patient's latest into an empty latest_rating. On SQLite straight
// from the (patient, department, date) index, grouped without a sort: the
// latest day and, of one day, the highest id, as one text ending in the
// id's 19 digits. On the first load of 1,000,000 ratings of 690,000
// patients this took half the time of ranking every row. PostgreSQL (no
// printf) ranks.
constexpr const char* kFillFromIndex =
    "INSERT INTO latest_rating(patient_id, measurement_id, department, rating_date, clinician) "
    "SELECT m.patient_id, m.id, m.department, m.rating_date, m.clinician FROM ("
    "  SELECT max(rating_date || printf('%019d', id)) AS latest FROM measurement "
    "  GROUP BY patient_id) AS k "
    "JOIN measurement m ON m.id = CAST(substr(k.latest, -19) AS INTEGER)";

// Parameter numbers in the order LatestRatingsQuery adds its conditions.
struct FilterParameters {
  int department = 0;
  int rated_on_or_before = 0;
  int clinician = 0;
};

FilterParameters ParametersOf(const LatestRatingFilter& filter) {
  FilterParameters numbers;
  int next = 1;
  if (!filter.department.empty()) numbers.department = next++;
  if (!filter.rated_on_or_before.empty()) numbers.rated_on_or_before = next++;
  if (!filter.clinician.empty()) numbers.clinician = next++;
  return numbers;
}

LatestRating ReadRow(const SqlStatement& row) {
  LatestRating rating;
  rating.patient_id = std::string(row.Text(0));
  rating.measurement_id = row.Int(1);
  rating.department = std::string(row.Text(2));
  rating.rating_date = std::string(row.Text(3));
  rating.clinician = std::string(row.Text(4));
  rating.classified = row.Int(5) != 0;
  if (rating.classified && !row.IsNull(6)) rating.final_cluster = static_cast<int>(row.Int(6));
  if (!row.IsNull(7)) {
    rating.final_cluster = static_cast<int>(row.Int(7));
    rating.no_fitting_cluster = rating.final_cluster == kNoFittingCluster;
  }
  return rating;
}

}  // namespace

// One query per shape of the filter, each condition plain: a catch-all
// "?1 = '' OR department = ?1" could not use the department's index.
// Parameters are numbered in the order the conditions are added, so that
// PostgreSQL can type every one it is given.
std::string LatestRatingsQuery(const LatestRatingFilter& filter) {
  const FilterParameters numbers = ParametersOf(filter);
  std::string sql = kCandidates;
  const char* joiner = "WHERE ";
  auto condition = [&](const char* compared, int number) {
    if (number == 0) return;
    sql += joiner + std::string(compared) + " ?" + std::to_string(number) + " ";
    joiner = "AND ";
  };
  condition("department =", numbers.department);
  condition("rating_date <=", numbers.rated_on_or_before);
  condition("clinician =", numbers.clinician);
  return sql + kByPatient;
}

Result<std::vector<LatestRating>> ReadLatestRatings(Store& store,
                                                    const LatestRatingFilter& filter) {
  const FilterParameters numbers = ParametersOf(filter);
  SqlStatement select(store, LatestRatingsQuery(filter));
  if (numbers.department != 0) select.BindText(numbers.department, filter.department);
  if (numbers.rated_on_or_before != 0) {
    select.BindText(numbers.rated_on_or_before, filter.rated_on_or_before);
  }
  if (numbers.clinician != 0) select.BindText(numbers.clinician, filter.clinician);
  std::vector<LatestRating> ratings;
  while (select.Step()) ratings.push_back(ReadRow(select));
  if (!select.status().ok()) return select.status().error();
  return ratings;
}

Status FillLatestRatings(Store& store) {
  if (store.dialect() == SqlDialect::kSqlite) return SqlStatement(store, kFillFromIndex).Run();
  return SqlStatement(store, RankedLatestInsert("")).Run();
}

Status RefreshLatestClusters(Store& store) {
  return store.Execute(std::string(kRefreshClusters) +
                       "WHERE cluster_model_id IS NULL OR cluster_model_id <> "
                       "(SELECT model_id FROM cluster_model_use ORDER BY id DESC LIMIT 1)");
}

Status RefreshLatestCluster(Store& store, int64_t measurement_id) {
  SqlStatement refresh(store, std::string(kRefreshClusters) +
                                  "WHERE patient_id = (SELECT patient_id FROM measurement "
                                  "WHERE id = ?1) AND measurement_id = ?1");
  refresh.BindInt(1, measurement_id);
  return refresh.Run();
}

Status IndexLatestRatingsByDepartment(Store& store) {
  return store.Execute(
      "CREATE INDEX latest_rating_by_department ON latest_rating(department, rating_date, "
      "measurement_id, clinician, cluster_model_id, model_cluster, override_cluster)");
}

Status KeepLatestRatings(Store& store, int64_t batch_id, int64_t highest_id_before) {
  // Into a store that held no measurement: every row is this batch's.
  if (highest_id_before == 0 && store.dialect() == SqlDialect::kSqlite) {
    return FillLatestRatings(store);
  }
  SqlStatement keep(store, KeepLatestSql());
  keep.BindInt(1, highest_id_before);
  keep.BindInt(2, batch_id);
  return keep.Run();
}

}  // namespace clusterpilot
