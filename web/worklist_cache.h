// The worklist's rows of one department and month, kept in memory between
// requests while the store's report inputs (store/rating_lookup.h
// ReportInputsStamp: the latest import batch, classification and review)
// stay the same. Reading a department's month is thousands of rows; a
// clinician paging and filtering the same month needs them once.
// Each filter's rows are kept too, so a page request does no work in
// proportion to the month (a department's month is thousands of rows; walking
// them on every request cost more than rendering the page: callgrind on
// bench/web_bench). Thread-safe; rows are shared read-only between the
// requests that use them.
#ifndef CLUSTERPILOT_WEB_WORKLIST_CACHE_H_
#define CLUSTERPILOT_WEB_WORKLIST_CACHE_H_

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"
#include "store/assignment_listing.h"
#include "web/rendered_rows.h"
#include "web/stamped_cache.h"

namespace clusterpilot {

class Store;

// The worklist's filters: all, flagged, not yet reviewed, reviewed.
enum class WorklistFilter { kAll, kFlagged, kUnreviewed, kReviewed };
inline constexpr size_t kWorklistFilterCount = 4;

// One department's month in worklist order (most flags first, then by date,
// patient and id), the rows each filter shows, in the same order, and each
// row's HTML once a page has shown it.
struct WorklistRows {
  std::vector<AssignmentRow> rows;
  std::array<std::vector<const AssignmentRow*>, kWorklistFilterCount> shown;
  std::unique_ptr<RenderedRows> html;  // one per row of `rows`

  const std::vector<const AssignmentRow*>& Shown(WorklistFilter filter) const {
    return shown[static_cast<size_t>(filter)];
  }
};

using SharedRows = std::shared_ptr<const WorklistRows>;

// A worklist page as every user of its departments sees it: the listing's
// HTML (worklist_listing.mustache: the filter form, the counts, the page's
// rows, the paging) and the measurements its confirm-all form confirms, as
// "id:version,...". Both come from the same rows, so the form confirms
// exactly what the page shows.
struct WorklistListing {
  std::string html;
  std::string confirmable;
};

class WorklistCache {
 public:
  WorklistCache() = default;
  WorklistCache(const WorklistCache&) = delete;
  WorklistCache& operator=(const WorklistCache&) = delete;

  // The department's rows of the month, from memory when `stamp` is the
  // stamp they were read at.
  Result<SharedRows> Rows(Store& store, const std::string& stamp, const std::string& department,
                          const CalendarMonth& month);

  // The month of the store's latest rating (LatestRatingMonth), from memory
  // while `stamp` holds: the worklist's month when none is asked, as the
  // navigation's link asks it.
  Result<CalendarMonth> LatestMonth(Store& store, const std::string& stamp);

  // A worklist page's listing, kept while `stamp` holds; made by `render`
  // when none is. `key` names all the listing shows: departments, month,
  // filter, page and language. Rendering it was a tenth of a worklist
  // request (perf on bench/web_bench).
  std::shared_ptr<const WorklistListing> Listing(const std::string& key, const std::string& stamp,
                                                 const std::function<WorklistListing()>& render);

 private:
  // Enough for every department's recent months; past it, all are dropped.
  static constexpr size_t kMaxEntries = 64;
  // Pages of those months in both languages and every filter.
  static constexpr size_t kMaxListings = 1024;

  StampedCache<std::pair<std::string, std::string>, SharedRows> months_{kMaxEntries};
  StampedCache<std::string, std::shared_ptr<const WorklistListing>> listings_{kMaxListings};
  StampedCache<std::monostate, CalendarMonth> latest_month_{1};  // one value, no key
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_WORKLIST_CACHE_H_
