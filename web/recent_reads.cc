#include "web/recent_reads.h"

#include "store/report_inputs_stamp.h"
#include "web/secure_token.h"

namespace clusterpilot {

Result<std::optional<SignedInUser>> RecentReads::SignedIn(Store& store, const std::string& cookie,
                                                          const SessionPolicy& policy, int64_t now,
                                                          SessionTouches* touches) {
  if (cookie.empty()) return std::optional<SignedInUser>();
  // Keyed by the hash, as the store keys sessions, so that the kept users
  // hold no session id.
  const std::string hash = TokenHash(cookie);
  uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto kept = users_.find(hash);
    if (kept != users_.end() && Fresh(kept->second.read_at, now)) {
      return std::optional<SignedInUser>(kept->second.value);
    }
    generation = generation_;
  }
  Result<std::optional<SignedInUser>> read = FindSignedInUser(store, cookie, policy, now, touches);
  if (!read.ok() || !read.value() || window_seconds_ <= 0) return read;
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation != generation_) return read;  // a write of this server came in between
  if (users_.size() >= kMostUsers) users_.clear();
  Kept<SignedInUser> kept{*read.value(), now};
  kept.value.user.password_hash.clear();  // no page needs it; no copies of it kept
  users_[hash] = std::move(kept);
  return read;
}

Result<std::string> RecentReads::Stamp(Store& store, int64_t now) {
  uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stamp_ && Fresh(stamp_->read_at, now)) return stamp_->value;
    generation = generation_;
  }
  Result<std::string> read = ReportInputsStamp(store);
  if (!read.ok() || window_seconds_ <= 0) return read;
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation == generation_) stamp_ = Kept<std::string>{read.value(), now};
  return read;
}

void RecentReads::ForgetAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++generation_;
  users_.clear();
  stamp_.reset();
}

}  // namespace clusterpilot
