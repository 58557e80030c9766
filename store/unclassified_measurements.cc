#include "store/unclassified_measurements.h"

#include <string>

#include "store/rating_columns.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// The 19 ratings travel as one integer, digit i (base 6) holding item i:
// 0-4 a rating, 5 unknown (NULL, or anything a rating cannot be). SQLite
// computes it inside its own loop; reading 19 columns through the API, each
// call taking the connection's mutex, cost more than classifying the row.
constexpr int kRatingBase = 6;
constexpr int kPackedUnknown = 5;

std::string PackedRatingsSql() {
  std::string sql;
  int64_t weight = 1;
  for (int item = 1; item <= kItemCount; ++item, weight *= kRatingBase) {
    const std::string column = RatingColumn(item - 1, "m");
    sql += (item == 1 ? "" : " + ") + std::string("(CASE WHEN ") + column +
           " BETWEEN 0 AND 4 THEN " + column + " ELSE " + std::to_string(kPackedUnknown) +
           " END) * " +
           // A 64-bit first weight makes the whole sum 64-bit: PostgreSQL's
           // INTEGER columns would add in 32 bits and overflow past 6^12.
           (item == 1 ? std::string("CAST(1 AS BIGINT)") : std::to_string(weight));
  }
  return sql;
}

// Supercluster, route and HV08 type letter share a second integer the same
// way: supercluster + 4 x route (1 full, 2 dynamic) + 16 x the letter's code.
constexpr const char* kPackedContextSql =
    "(CASE WHEN m.supercluster BETWEEN 0 AND 3 THEN m.supercluster ELSE 0 END)"
    " + 4 * (CASE m.route WHEN 'full' THEN 1 WHEN 'dynamic' THEN 2 ELSE 0 END)"
    " + 16 * coalesce(unicode(m.hv08_type), 0)";

// Only measurements stored after the model's last finished run can lack its
// result (classification_progress), so a run reads what was stored since,
// not the whole history; NOT EXISTS still checks each of those.
std::string SelectSql(bool model_has_results) {
  const std::string unclassified =
      model_has_results
          ? "WHERE m.id > coalesce((SELECT p.through_measurement_id FROM classification_progress "
            "p WHERE p.model_id = ?1), 0) AND NOT EXISTS (SELECT 1 FROM classification c "
            "WHERE c.measurement_id = m.id AND c.model_id = ?1) "
          : "";
  return "SELECT m.id, " + PackedRatingsSql() + ", " + kPackedContextSql + " FROM measurement m " +
         unclassified + "ORDER BY m.id";
}

void UnpackRatings(int64_t packed, ItemRatings* ratings) {
  for (int item = 0; item < kItemCount; ++item, packed /= kRatingBase) {
    const int digit = static_cast<int>(packed % kRatingBase);
    (*ratings)[item] = digit == kPackedUnknown ? kUnknownRating : static_cast<int8_t>(digit);
  }
}

void UnpackContext(int64_t packed, Measurement* measurement) {
  measurement->supercluster = static_cast<Supercluster>(packed % 4);
  const int64_t route = packed / 4 % 4;
  measurement->route = route == 1   ? RatingRoute::kFull
                       : route == 2 ? RatingRoute::kDynamic
                                    : RatingRoute::kUnknown;
  const int64_t letter = packed / 16;
  measurement->hv08_type = letter > 0 && letter < 128 ? static_cast<char>(letter) : 0;
}

}  // namespace

UnclassifiedMeasurements::UnclassifiedMeasurements(Store& store, int64_t model_id,
                                                   bool model_has_results)
    : select_(std::make_unique<SqlStatement>(store, SelectSql(model_has_results))) {
  if (model_has_results) select_->BindInt(1, model_id);
}

UnclassifiedMeasurements::~UnclassifiedMeasurements() = default;

bool UnclassifiedMeasurements::Next(Measurement* measurement) {
  SqlStatement& row = *select_;
  if (!row.Step()) return false;
  measurement->id = row.Int(0);
  UnpackRatings(row.Int(1), &measurement->ratings);
  UnpackContext(row.Int(2), measurement);
  return true;
}

const Status& UnclassifiedMeasurements::status() const { return select_->status(); }

}  // namespace clusterpilot
