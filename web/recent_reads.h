// The two store reads every page request made: whose session the cookie is,
// and the report-inputs stamp that tells the server's caches whether their
// rows are current. Under load they took a fifth of a worklist request
// (bench/web_bench): each is a read transaction, and every page-view commit
// of another connection empties the reader's SQLite page cache. Here a busy
// server reads them again at most every `window` seconds (setting
// serve.recheck_seconds, default 1).
//
// Every write of this server goes through a POST, and after each the web
// app calls ForgetAll, so its users see their own changes at once: a logout
// ends the session, an import or review shows on the next page. Changes made
// outside this server (the command line, another server on the same store)
// show within the window. A window of 0 reads both on every request.
// Thread-safe; one per server.
#ifndef CLUSTERPILOT_WEB_RECENT_READS_H_
#define CLUSTERPILOT_WEB_RECENT_READS_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/error.h"
#include "web/sign_in.h"

namespace clusterpilot {

class Store;

class RecentReads {
 public:
  explicit RecentReads(int64_t window_seconds) : window_seconds_(window_seconds) {}
  RecentReads(const RecentReads&) = delete;
  RecentReads& operator=(const RecentReads&) = delete;

  // FindSignedInUser's answer, the kept one when read less than the window
  // ago. Only found users are kept: an unknown cookie is looked up each
  // time, so guessing cookies fills no memory.
  Result<std::optional<SignedInUser>> SignedIn(Store& store, const std::string& cookie,
                                               const SessionPolicy& policy, int64_t now,
                                               SessionTouches* touches);

  // ReportInputsStamp(store), the kept one when read less than the window
  // ago.
  Result<std::string> Stamp(Store& store, int64_t now);

  // Drops everything kept; reads that began before this call keep nothing.
  void ForgetAll();

 private:
  template <typename Value>
  struct Kept {
    Value value;
    int64_t read_at = 0;
  };
  // When to stop keeping signed-in users: a bound on memory, far above the
  // sessions a server has within one window.
  static constexpr size_t kMostUsers = 10000;

  // A clock set back makes nothing fresh: the window counts forward only.
  bool Fresh(int64_t read_at, int64_t now) const {
    return now >= read_at && now - read_at < window_seconds_;
  }

  const int64_t window_seconds_;
  std::mutex mutex_;
  uint64_t generation_ = 0;                                    // counts ForgetAll calls
  std::unordered_map<std::string, Kept<SignedInUser>> users_;  // by the cookie's hash
  std::optional<Kept<std::string>> stamp_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_RECENT_READS_H_
