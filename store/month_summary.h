// A month's figures kept once computed (schema version 11). The report's
// trends read ten earlier months on every run; a month changes only when a
// rating, a classification or a review of it arrives, so the figures of each
// month are kept beside a stamp of what the store held of the month, and a
// later report reads the stamp's few index entries instead of the month's
// rows. The store keeps the summary as text it does not read: the report
// decides what a month's figures are (reports/trend_month.h).
#ifndef CLUSTERPILOT_STORE_MONTH_SUMMARY_H_
#define CLUSTERPILOT_STORE_MONTH_SUMMARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_date.h"
#include "core/error.h"

namespace clusterpilot {

class Store;

// What the store held of one month when it was summarised. Measurements,
// classifications and reviews are only ever added, never changed or
// removed, so the month's summary stands while: the current model is the
// same; the month holds the same measurements (count and highest id); no
// review of a month's measurement came after last_override_id; and either
// every measurement of the month was classified by the model (a model
// classifies a measurement once) or no classification at all came after
// last_classification_id.
struct MonthSummaryStamp {
  int64_t model_id = 0;  // the current model; 0 when none
  int64_t measurements = 0;
  int64_t last_measurement_id = 0;     // of the month; 0 when it has none
  int64_t last_classification_id = 0;  // of the whole store
  int64_t last_override_id = 0;        // of the whole store
  bool fully_classified = false;       // set by the caller, from the rows it summarised
};

// The month's stamp as the store stands. Read it in the same InSnapshot as
// the rows the summary is made of, so that the two agree.
Result<MonthSummaryStamp> ReadMonthSummaryStamp(Store& store, const CalendarDate& first_day,
                                                const CalendarDate& next_first_day);

// The summary kept for the month starting `first_day`, when it still
// describes the store; nothing when none is kept or it is stale.
Result<std::optional<std::string>> ReadMonthSummary(Store& store, const CalendarDate& first_day,
                                                    const CalendarDate& next_first_day);

// Keeps `summary` for the month starting `first_day`, replacing an older one.
Status WriteMonthSummary(Store& store, const CalendarDate& first_day,
                         const MonthSummaryStamp& stamp, const std::string& summary);

// The SQL the two reads run, for the test that checks none reads a table whole.
std::vector<std::string> MonthSummaryQueries();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_MONTH_SUMMARY_H_
