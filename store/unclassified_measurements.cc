#include "store/unclassified_measurements.h"

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr int kFirstItemColumn = 2;
constexpr int kHv08TypeColumn = kFirstItemColumn + kItemCount;
constexpr int kRouteColumn = kHv08TypeColumn + 1;

RatingRoute ParseRoute(std::string_view route) {
  if (route == "full") return RatingRoute::kFull;
  if (route == "dynamic") return RatingRoute::kDynamic;
  return RatingRoute::kUnknown;
}

}  // namespace

UnclassifiedMeasurements::UnclassifiedMeasurements(Store& store, int64_t model_id)
    : select_(std::make_unique<SqlStatement>(
          store,
          "SELECT m.id, m.supercluster, m.hv01, m.hv02, m.hv03, m.hv04, m.hv05, m.hv06, m.hv07, "
          "m.hv08, m.hv09, m.hv10, m.hv11, m.hv12, m.hv13, m.hv14, m.hv15, m.hv16, m.hv17, "
          "m.hv18, m.hv19, m.hv08_type, m.route FROM measurement m "
          "WHERE NOT EXISTS (SELECT 1 FROM classification c "
          "WHERE c.measurement_id = m.id AND c.model_id = ?1) ORDER BY m.id")) {
  select_->BindInt(1, model_id);
}

UnclassifiedMeasurements::~UnclassifiedMeasurements() = default;

bool UnclassifiedMeasurements::Next(Measurement* measurement) {
  SqlStatement& row = *select_;
  if (!row.Step()) return false;
  measurement->id = row.Int(0);
  const int64_t supercluster = row.Int(1);
  measurement->supercluster = supercluster >= 0 && supercluster <= 3
                                  ? static_cast<Supercluster>(supercluster)
                                  : Supercluster::kNone;
  for (int item = 0; item < kItemCount; ++item) {
    const int column = kFirstItemColumn + item;
    const int64_t rating = row.IsNull(column) ? kUnknownRating : row.Int(column);
    // Anything but 0-4 is unknown: the classifier's tables have no other slots.
    measurement->ratings[item] =
        rating >= 0 && rating <= kMaxRating ? static_cast<int8_t>(rating) : kUnknownRating;
  }
  const std::string_view type = row.Text(kHv08TypeColumn);
  measurement->hv08_type = type.empty() ? 0 : type[0];
  measurement->route = ParseRoute(row.Text(kRouteColumn));
  return true;
}

const Status& UnclassifiedMeasurements::status() const { return select_->status(); }

}  // namespace clusterpilot
