#include "web/measurement_page_cache.h"

namespace clusterpilot {

SharedMeasurementDetails MeasurementPageCache::Find(int64_t measurement_id, Language language,
                                                    const std::string& stamp) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = entries_.find({measurement_id, language});
  if (found == entries_.end() || found->second.stamp != stamp) return nullptr;
  return found->second.details;
}

void MeasurementPageCache::Keep(int64_t measurement_id, Language language, const std::string& stamp,
                                SharedMeasurementDetails details) {
  const auto key = std::make_pair(measurement_id, language);
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= kMaxEntries && entries_.count(key) == 0) entries_.clear();
  entries_[key] = Entry{stamp, std::move(details)};
}

}  // namespace clusterpilot
