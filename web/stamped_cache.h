// Values read from the store, kept under the report-inputs stamp they were
// read at (store/report_inputs_stamp.h): a value is found only while the
// store's stamp is still that one. Past `max_entries` keys, all are dropped
// and kept anew. The web pages' caches (the worklist's department months,
// listings and latest month, the measurement pages' details) keep their
// values in one; the page frames, whose keys name all they show, under one
// constant stamp. Thread-safe; values are copied out, so keep shared
// pointers to large ones.
#ifndef CLUSTERPILOT_WEB_STAMPED_CACHE_H_
#define CLUSTERPILOT_WEB_STAMPED_CACHE_H_

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace clusterpilot {

template <typename Key, typename Value>
class StampedCache {
 public:
  explicit StampedCache(size_t max_entries) : max_entries_(max_entries) {}
  StampedCache(const StampedCache&) = delete;
  StampedCache& operator=(const StampedCache&) = delete;

  // The value kept for `key` at `stamp`; nullopt when none is, or it was
  // read at another stamp.
  std::optional<Value> Find(const Key& key, const std::string& stamp) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = entries_.find(key);
    if (found == entries_.end() || found->second.first != stamp) return std::nullopt;
    return found->second.second;
  }

  // Keeps `value`, read at `stamp`, in place of an older one.
  void Keep(const Key& key, const std::string& stamp, Value value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= max_entries_ && entries_.count(key) == 0) entries_.clear();
    entries_[key] = std::make_pair(stamp, std::move(value));
  }

 private:
  const size_t max_entries_;
  std::mutex mutex_;
  std::map<Key, std::pair<std::string, Value>> entries_;  // key -> (stamp, value)
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_STAMPED_CACHE_H_
