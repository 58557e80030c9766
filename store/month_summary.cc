#include "store/month_summary.h"

#include "store/classification_table.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// From the rating-date index alone.
constexpr const char* kMonthMeasurements =
    "SELECT count(*), coalesce(max(id), 0) FROM measurement "
    "WHERE rating_date >= ?1 AND rating_date < ?2";

// The end of two primary keys.
constexpr const char* kLatestIds =
    "SELECT (SELECT coalesce(max(id), 0) FROM classification), "
    "(SELECT coalesce(max(id), 0) FROM clinician_override)";

// Reviews stored after `?1` of the month's measurements: the reviews since,
// each looked up by id, so the cost follows the reviews, not the month.
constexpr const char* kReviewedSince =
    "SELECT count(*) FROM clinician_override o JOIN measurement m ON m.id = o.measurement_id "
    "WHERE o.id > ?1 AND m.rating_date >= ?2 AND m.rating_date < ?3";

constexpr const char* kKept =
    "SELECT model_id, measurements, last_measurement_id, last_classification_id, "
    "last_override_id, fully_classified, summary FROM month_summary WHERE month = ?1";

constexpr const char* kKeep =
    "INSERT INTO month_summary(month, model_id, measurements, last_measurement_id, "
    "last_classification_id, last_override_id, fully_classified, summary) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (month) DO UPDATE SET model_id = excluded.model_id, "
    "measurements = excluded.measurements, last_measurement_id = excluded.last_measurement_id, "
    "last_classification_id = excluded.last_classification_id, "
    "last_override_id = excluded.last_override_id, "
    "fully_classified = excluded.fully_classified, summary = excluded.summary";

struct KeptSummary {
  MonthSummaryStamp stamp;
  std::string summary;
};

Result<std::optional<KeptSummary>> ReadKept(Store& store, const std::string& month) {
  SqlStatement select(store, kKept);
  select.BindText(1, month);
  std::optional<KeptSummary> kept;
  if (select.Step()) {
    kept = KeptSummary{{select.Int(0), select.Int(1), select.Int(2), select.Int(3), select.Int(4),
                        select.Int(5) != 0},
                       std::string(select.Text(6))};
  }
  if (!select.status().ok()) return select.status().error();
  return kept;
}

Result<int64_t> ReviewedSince(Store& store, int64_t override_id, const std::string& from,
                              const std::string& until) {
  SqlStatement count(store, kReviewedSince);
  count.BindInt(1, override_id);
  count.BindText(2, from);
  count.BindText(3, until);
  const int64_t reviews = count.Step() ? count.Int(0) : 0;
  if (!count.status().ok()) return count.status().error();
  return reviews;
}

// Whether a summary stamped `kept` still describes the month as stamped `now`.
Result<bool> StillStands(Store& store, const MonthSummaryStamp& kept, const MonthSummaryStamp& now,
                         const std::string& from, const std::string& until) {
  if (kept.model_id != now.model_id || kept.measurements != now.measurements ||
      kept.last_measurement_id != now.last_measurement_id) {
    return false;
  }
  if (!kept.fully_classified && kept.last_classification_id != now.last_classification_id) {
    return false;
  }
  if (kept.last_override_id == now.last_override_id) return true;
  Result<int64_t> reviews = ReviewedSince(store, kept.last_override_id, from, until);
  if (!reviews.ok()) return reviews.error();
  return reviews.value() == 0;
}

}  // namespace

Result<MonthSummaryStamp> ReadMonthSummaryStamp(Store& store, const CalendarDate& first_day,
                                                const CalendarDate& next_first_day) {
  MonthSummaryStamp stamp;
  Result<ClusterModelRecord> model = CurrentClusterModel(store);
  if (!model.ok()) return model.error();
  stamp.model_id = model.value().id;
  SqlStatement month(store, kMonthMeasurements);
  month.BindText(1, first_day.ToIso());
  month.BindText(2, next_first_day.ToIso());
  if (month.Step()) {
    stamp.measurements = month.Int(0);
    stamp.last_measurement_id = month.Int(1);
  }
  if (!month.status().ok()) return month.status().error();
  SqlStatement latest(store, kLatestIds);
  if (latest.Step()) {
    stamp.last_classification_id = latest.Int(0);
    stamp.last_override_id = latest.Int(1);
  }
  if (!latest.status().ok()) return latest.status().error();
  return stamp;
}

Result<std::optional<std::string>> ReadMonthSummary(Store& store, const CalendarDate& first_day,
                                                    const CalendarDate& next_first_day) {
  std::optional<std::string> summary;
  Status read = store.InSnapshot([&]() -> Status {
    Result<std::optional<KeptSummary>> kept = ReadKept(store, first_day.ToIso());
    if (!kept.ok()) return kept.error();
    if (!kept.value()) return Status::Ok();
    Result<MonthSummaryStamp> now = ReadMonthSummaryStamp(store, first_day, next_first_day);
    if (!now.ok()) return now.error();
    Result<bool> stands = StillStands(store, kept.value()->stamp, now.value(), first_day.ToIso(),
                                      next_first_day.ToIso());
    if (!stands.ok()) return stands.error();
    if (stands.value()) summary = std::move(kept.value()->summary);
    return Status::Ok();
  });
  if (!read.ok()) return read.error();
  return summary;
}

Status WriteMonthSummary(Store& store, const CalendarDate& first_day,
                         const MonthSummaryStamp& stamp, const std::string& summary) {
  return store.InTransaction([&]() -> Status {
    SqlStatement keep(store, kKeep);
    keep.BindText(1, first_day.ToIso());
    keep.BindInt(2, stamp.model_id);
    keep.BindInt(3, stamp.measurements);
    keep.BindInt(4, stamp.last_measurement_id);
    keep.BindInt(5, stamp.last_classification_id);
    keep.BindInt(6, stamp.last_override_id);
    keep.BindInt(7, stamp.fully_classified ? 1 : 0);
    keep.BindText(8, summary);
    return keep.Run();
  });
}

std::vector<std::string> MonthSummaryQueries() {
  return {kMonthMeasurements, kLatestIds, kReviewedSince, kKept};
}

}  // namespace clusterpilot
