// Each patient's latest rating: the one whose cluster is valid until its
// review period ends, and the one a re-rating is due after
// (`clusterpilot due`, the web app's due list). The store keeps it in the
// table latest_rating, so that a department's due list reads that
// department's patients only. The table is built when it is first read
// (BuildLatestRatingsIfMissing) and from then on kept as
// measurements are stored (KeepLatestRatings, called by the measurement
// writer). Building it took a quarter of a first load's time (1.4 of 5.3 s
// for 1,000,000 rows), and a store loaded for reports or analysis may never
// list due ratings. Apart from that first build, reading only reads; the
// caller records the read in the audit log before showing it.
#ifndef CLUSTERPILOT_STORE_LATEST_RATINGS_H_
#define CLUSTERPILOT_STORE_LATEST_RATINGS_H_

#include <cstdint>
#include <functional>
#include <string>

#include "core/error.h"
#include "store/sql_dialect.h"

namespace clusterpilot {

class Store;

struct LatestRating {
  std::string patient_id;
  int64_t measurement_id = 0;
  std::string department;
  std::string rating_date;  // ISO
  std::string clinician;    // who rated; "" when the export did not say
  bool classified = false;  // by the current model
  int final_cluster = 0;    // the clinician's when reviewed, else the algorithm's; 0 for none
  bool no_fitting_cluster = false;  // the clinician decided no cluster fits
};

struct LatestRatingFilter {
  std::string department;  // exact name; empty for every department
  std::string clinician;   // exact name of who rated; empty for everyone
  // ISO date: only latest ratings of that day or before (the due list
  // leaves out those too recent to fall due); empty for every date.
  std::string rated_on_or_before;
};

// The latest rating of every patient whose latest rating (across all
// departments) matches the filter, ordered by patient id, each handed to
// `each` as it is read (valid only during the call): a department's due
// list keeps only the few that are due. A patient rated later in another
// department belongs to that department. Ratings on the same day in two
// departments: the one stored last counts. With a department it reads that
// department's index range, not the whole table. The store's first such
// read builds latest_rating (BuildLatestRatingsIfMissing).
Status ForEachLatestRating(Store& store, const LatestRatingFilter& filter,
                           const std::function<void(const LatestRating&)>& each);

// Fills an empty latest_rating from every stored measurement (migration 12).
Status FillLatestRatings(Store& store);

// Builds latest_rating from every stored measurement when it was never
// built: empty while measurements are stored, as a first load leaves it.
// Its own write transaction; when the table is built already, one short read.
Status BuildLatestRatingsIfMissing(Store& store);

// Brings latest_rating up to date with the measurements of batch `batch_id`,
// all stored with ids above `highest_id_before` (so only they are read).
// Runs in the import's transaction. While latest_rating was never built, it
// leaves it so: BuildLatestRatingsIfMissing will read these rows too.
Status KeepLatestRatings(Store& store, int64_t batch_id, int64_t highest_id_before);

// The SQL ForEachLatestRating runs for `filter`, for tests of its query plan.
std::string LatestRatingsQuery(const LatestRatingFilter& filter, SqlDialect dialect);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_LATEST_RATINGS_H_
