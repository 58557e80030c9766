#include "store/unclassified_measurements.h"

#include <string>

#include "store/rating_columns.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// The columns classifying needs, in this order. Read one by one through the
// API: with SQLite's connection mutexes off (store.cc) a column costs a few
// dozen instructions, a fifth of what packing the 19 ratings into one
// integer with SQL arithmetic cost SQLite (callgrind, 100k measurements).
// The ratings come as NonNullRatingColumnList gives them.
constexpr int kRatingsColumn = 1;
constexpr int kSuperclusterColumn = kRatingsColumn + kItemCount;
constexpr int kRouteColumn = kSuperclusterColumn + 1;
constexpr int kTypeColumn = kRouteColumn + 1;

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
  return "SELECT m.id, " + NonNullRatingColumnList("m") +
         ", m.supercluster, m.route, m.hv08_type FROM measurement m " + unclassified +
         "ORDER BY m.id";
}

// What the store's check constraint allows (0-3); anything else, as no
// supercluster chosen.
Supercluster ReadSupercluster(const SqlStatement& row) {
  const int64_t value = row.Int(kSuperclusterColumn);
  return value >= 0 && value <= 3 ? static_cast<Supercluster>(value) : Supercluster::kNone;
}

RatingRoute ReadRoute(const SqlStatement& row) {
  const std::string_view route = row.Text(kRouteColumn);
  if (route == "full") return RatingRoute::kFull;
  if (route == "dynamic") return RatingRoute::kDynamic;
  return RatingRoute::kUnknown;
}

// The HV08 type letter; anything that does not start with an ASCII character,
// as none.
char ReadHv08Type(const SqlStatement& row) {
  const std::string_view type = row.Text(kTypeColumn);
  const bool letter = !type.empty() && static_cast<unsigned char>(type[0]) < 128;
  return letter ? type[0] : 0;
}

}  // namespace

UnclassifiedMeasurements::UnclassifiedMeasurements(Store& store, int64_t model_id,
                                                   bool model_has_results)
    : select_(std::make_unique<SqlStatement>(store, SelectSql(model_has_results),
                                             SqlStatement::Rows::kStreamed)) {
  if (model_has_results) select_->BindInt(1, model_id);
}

UnclassifiedMeasurements::~UnclassifiedMeasurements() = default;

bool UnclassifiedMeasurements::Next(Measurement* measurement) {
  SqlStatement& row = *select_;
  if (!row.Step()) return false;
  measurement->id = row.Int(0);
  measurement->ratings = ReadNonNullRatings(row, kRatingsColumn);
  measurement->supercluster = ReadSupercluster(row);
  measurement->route = ReadRoute(row);
  measurement->hv08_type = ReadHv08Type(row);
  return true;
}

const Status& UnclassifiedMeasurements::status() const { return select_->status(); }

}  // namespace clusterpilot
