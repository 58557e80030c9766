#include "web/worklist_cache.h"

#include <algorithm>
#include <bit>

#include "web/web_pages.h"

namespace clusterpilot {
namespace {

// Most flags first; otherwise as read (date, patient, id), so paging is
// stable.
void SortBySeverity(std::vector<AssignmentRow>* rows) {
  std::stable_sort(rows->begin(), rows->end(), [](const AssignmentRow& a, const AssignmentRow& b) {
    return std::popcount(a.flags) > std::popcount(b.flags);
  });
}

bool Shows(const AssignmentRow& row, WorklistFilter filter) {
  switch (filter) {
    case WorklistFilter::kFlagged:
      return row.flags != 0;
    case WorklistFilter::kUnreviewed:
      return !row.clinician_override;
    case WorklistFilter::kReviewed:
      return row.clinician_override.has_value();
    case WorklistFilter::kAll:
      break;
  }
  return true;
}

// The rows in worklist order with each filter's view of them.
std::shared_ptr<const WorklistRows> Arrange(std::vector<AssignmentRow> read) {
  SortBySeverity(&read);
  auto month = std::make_shared<WorklistRows>();
  month->rows = std::move(read);
  month->html = std::make_unique<RenderedRows>(month->rows.size());
  for (size_t filter = 0; filter < kWorklistFilterCount; ++filter) {
    for (const AssignmentRow& row : month->rows) {
      if (Shows(row, static_cast<WorklistFilter>(filter))) month->shown[filter].push_back(&row);
    }
  }
  return month;
}

}  // namespace

Result<SharedRows> WorklistCache::Rows(Store& store, const std::string& stamp,
                                       const std::string& department, const CalendarMonth& month) {
  const auto key = std::make_pair(department, month.Key());
  if (std::optional<SharedRows> kept = months_.Find(key, stamp)) return *kept;
  // Read outside the cache's lock: two first requests may both read, and
  // either result is right.
  Result<std::vector<AssignmentRow>> rows =
      ReadAssignments(store, AssignmentFilter{month, department});
  if (!rows.ok()) return rows.error();
  SharedRows shared = Arrange(std::move(rows.value()));
  months_.Keep(key, stamp, shared);
  return shared;
}

std::shared_ptr<const WorklistListing> WorklistCache::Listing(
    const std::string& key, const std::string& stamp,
    const std::function<WorklistListing()>& render) {
  if (std::optional<std::shared_ptr<const WorklistListing>> kept = listings_.Find(key, stamp)) {
    return *kept;
  }
  auto listing = std::make_shared<const WorklistListing>(render());
  listings_.Keep(key, stamp, listing);
  return listing;
}

Result<CalendarMonth> WorklistCache::LatestMonth(Store& store, const std::string& stamp) {
  if (std::optional<CalendarMonth> kept = latest_month_.Find({}, stamp)) return *kept;
  Result<CalendarMonth> month = LatestRatingMonth(store);
  if (month.ok()) latest_month_.Keep({}, stamp, month.value());
  return month;
}

}  // namespace clusterpilot
