#include "store/latest_ratings.h"

#include <functional>
#include <string>

#include "store/override_table.h"
#include "store/sql_dialect.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Each patient's latest rating from latest_rating (kept by
// KeepLatestRatings) with its final cluster, read in three steps so that
// neighbouring lookups share pages: the matching patients from the
// department's index (key), their rows in patient order (candidate), then
// their clusters and reviews in measurement order. On the 1M-measurement
// store one department's list read 16,129 pages unordered, 3,234 in order.
// The cluster comes from the model's index of classifications, which holds
// it (migration 13); SQLite must be told to use it, as it prefers the
// unique (measurement_id, model_id) index and then reads each row.
// LatestRatingsQuery adds the conditions: those on the index's columns to
// key, the clinician (not in the index) to candidate.
constexpr const char* kKeys =
    "WITH key AS MATERIALIZED ("
    "  SELECT patient_id FROM latest_rating ";
constexpr const char* kCandidates =
    "  ORDER BY patient_id{keep}), "
    "candidate AS MATERIALIZED ("
    "  SELECT l.patient_id, l.measurement_id, l.department, l.rating_date, l.clinician "
    "  FROM key JOIN latest_rating l ON l.patient_id = key.patient_id ";
constexpr const char* kFinalClusters =
    "  ORDER BY l.measurement_id{keep}) "
    "SELECT k.patient_id, k.measurement_id, k.department, k.rating_date, "
    "  coalesce(k.clinician, ''), c.id, c.cluster, o.cluster "
    "FROM candidate k "
    // The model in use, as the view current_classification chooses it.
    "LEFT JOIN classification c{index} ON c.model_id = "
    "  (SELECT model_id FROM cluster_model_use ORDER BY id DESC LIMIT 1) "
    "  AND c.measurement_id = k.measurement_id "
    "LEFT JOIN clinician_override o ON o.id = "
    "  (SELECT max(id) FROM clinician_override WHERE measurement_id = k.measurement_id) "
    "ORDER BY k.patient_id";

// SQLite drops the ORDER BY of a subquery that has no LIMIT (3.40 did), and
// the steps above need theirs: "LIMIT -1" is no limit. PostgreSQL has no
// LIMIT -1, nor INDEXED BY, and plans these lookups itself.
std::string ForDialect(std::string sql, SqlDialect dialect) {
  const bool sqlite = dialect == SqlDialect::kSqlite;
  auto put = [&sql](const std::string& mark, const std::string& text) {
    for (size_t at = sql.find(mark); at != std::string::npos; at = sql.find(mark, at)) {
      sql.replace(at, mark.size(), text);
    }
  };
  put("{keep}", sqlite ? " LIMIT -1" : "");
  put("{index}", sqlite ? " INDEXED BY classification_by_model" : "");
  return sql;
}

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
      "  clinician = excluded.clinician "
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

// latest_rating holds a row for every patient once built, so it is empty
// after being built only while no measurement is stored either.
Result<bool> LatestRatingsBuilt(Store& store) {
  SqlStatement select(store, "SELECT EXISTS (SELECT 1 FROM latest_rating)");
  const bool built = select.Step() && select.Int(0) == 1;
  if (!select.status().ok()) return select.status().error();
  return built;
}

Result<bool> LatestRatingsMissing(Store& store) {
  SqlStatement select(store,
                      "SELECT NOT EXISTS (SELECT 1 FROM latest_rating) "
                      "AND EXISTS (SELECT 1 FROM measurement)");
  const bool missing = select.Step() && select.Int(0) == 1;
  if (!select.status().ok()) return select.status().error();
  return missing;
}

// SQLite fills the table without its department index and then builds the
// index in one sorted pass: on 1,000,000 ratings 1.5 s, where keeping the
// index up row by row took 5.2 s. On PostgreSQL the web app's role may
// write rows but not drop indexes, and PostgreSQL keeps the index well.
constexpr const char* kDepartmentIndex =
    "CREATE INDEX latest_rating_by_department ON latest_rating(department, rating_date)";

Status FillIndexedTable(Store& store) {
  if (store.dialect() != SqlDialect::kSqlite) return FillLatestRatings(store);
  Status dropped = store.Execute("DROP INDEX IF EXISTS latest_rating_by_department");
  if (!dropped.ok()) return dropped;
  Status filled = FillLatestRatings(store);
  if (!filled.ok()) return filled;
  return store.Execute(kDepartmentIndex);
}

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

// Into `rating`, whose texts keep their room from row to row.
void ReadRow(const SqlStatement& row, LatestRating* rating) {
  rating->patient_id.assign(row.Text(0));
  rating->measurement_id = row.Int(1);
  rating->department.assign(row.Text(2));
  rating->rating_date.assign(row.Text(3));
  rating->clinician.assign(row.Text(4));
  rating->classified = !row.IsNull(5);
  rating->final_cluster = 0;
  rating->no_fitting_cluster = false;
  if (rating->classified && !row.IsNull(6)) rating->final_cluster = static_cast<int>(row.Int(6));
  if (!row.IsNull(7)) {
    rating->final_cluster = static_cast<int>(row.Int(7));
    rating->no_fitting_cluster = rating->final_cluster == kNoFittingCluster;
  }
}

}  // namespace

// One query per shape of the filter, each condition plain: a catch-all
// "?1 = '' OR department = ?1" could not use the department's index.
// Parameters are numbered in the order the conditions are added, so that
// PostgreSQL can type every one it is given.
std::string LatestRatingsQuery(const LatestRatingFilter& filter, SqlDialect dialect) {
  const FilterParameters numbers = ParametersOf(filter);
  std::string sql = kKeys;
  const char* joiner = "WHERE ";
  auto condition = [&](const char* compared, int number) {
    if (number == 0) return;
    sql += joiner + std::string(compared) + " ?" + std::to_string(number) + " ";
    joiner = "AND ";
  };
  condition("department =", numbers.department);
  condition("rating_date <=", numbers.rated_on_or_before);
  sql += kCandidates;
  joiner = "WHERE ";
  condition("l.clinician =", numbers.clinician);
  return ForDialect(sql + kFinalClusters, dialect);
}

Status ForEachLatestRating(Store& store, const LatestRatingFilter& filter,
                           const std::function<void(const LatestRating&)>& each) {
  if (Status built = BuildLatestRatingsIfMissing(store); !built.ok()) return built;
  const FilterParameters numbers = ParametersOf(filter);
  SqlStatement select(store, LatestRatingsQuery(filter, store.dialect()));
  if (numbers.department != 0) select.BindText(numbers.department, filter.department);
  if (numbers.rated_on_or_before != 0) {
    select.BindText(numbers.rated_on_or_before, filter.rated_on_or_before);
  }
  if (numbers.clinician != 0) select.BindText(numbers.clinician, filter.clinician);
  LatestRating rating;
  while (select.Step()) {
    ReadRow(select, &rating);
    each(rating);
  }
  return select.status();
}

Status FillLatestRatings(Store& store) {
  if (store.dialect() == SqlDialect::kSqlite) return SqlStatement(store, kFillFromIndex).Run();
  return SqlStatement(store, RankedLatestInsert("")).Run();
}

Status BuildLatestRatingsIfMissing(Store& store) {
  Result<bool> missing = LatestRatingsMissing(store);
  if (!missing.ok()) return missing.error();
  if (!missing.value()) return Status::Ok();
  return store.InTransaction([&store]() -> Status {
    // Asked again under the write lock: another program may have built it.
    Result<bool> still_missing = LatestRatingsMissing(store);
    if (!still_missing.ok()) return still_missing.error();
    if (!still_missing.value()) return Status::Ok();
    return FillIndexedTable(store);
  });
}

Status KeepLatestRatings(Store& store, int64_t batch_id, int64_t highest_id_before) {
  Result<bool> built = LatestRatingsBuilt(store);
  if (!built.ok()) return built.error();
  if (!built.value()) return Status::Ok();
  SqlStatement keep(store, KeepLatestSql());
  keep.BindInt(1, highest_id_before);
  keep.BindInt(2, batch_id);
  return keep.Run();
}

}  // namespace clusterpilot
