#include "web/page_frames.h"

#include <utility>

namespace clusterpilot {

std::shared_ptr<const PageFrame> PageFrames::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = frames_.find(key);
  return found == frames_.end() ? nullptr : found->second;
}

void PageFrames::Keep(const std::string& key, std::shared_ptr<const PageFrame> frame) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (frames_.size() >= max_frames_ && frames_.count(key) == 0) frames_.clear();
  frames_[key] = std::move(frame);
}

}  // namespace clusterpilot
