// The worklist's rows of one department and month, kept in memory between
// requests while the store's report inputs (store/rating_lookup.h
// ReportInputsStamp: the latest import batch, classification and review)
// stay the same. Reading a department's month is thousands of rows; a
// clinician paging and filtering the same month needs them once.
// Thread-safe; rows are shared read-only between the requests that use them.
#ifndef CLUSTERPILOT_WEB_WORKLIST_CACHE_H_
#define CLUSTERPILOT_WEB_WORKLIST_CACHE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"
#include "store/assignment_listing.h"

namespace clusterpilot {

class Store;

using SharedRows = std::shared_ptr<const std::vector<AssignmentRow>>;

class WorklistCache {
 public:
  WorklistCache() = default;
  WorklistCache(const WorklistCache&) = delete;
  WorklistCache& operator=(const WorklistCache&) = delete;

  // The department's rows of the month in the worklist's order (most flags
  // first, then by date, patient and id), from memory when `stamp` is the
  // stamp they were read at.
  Result<SharedRows> Rows(Store& store, const std::string& stamp, const std::string& department,
                          const CalendarMonth& month);

 private:
  struct Entry {
    std::string stamp;
    SharedRows rows;
  };
  // Enough for every department's recent months; past it, all are dropped.
  static constexpr size_t kMaxEntries = 64;

  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Entry> entries_;  // (department, month)
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_WORKLIST_CACHE_H_
