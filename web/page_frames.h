// The frame around every HTML page: frame_top.mustache (title, language,
// the navigation of the user's role, the logout form with the session's
// CSRF token) before the page's body and frame_bottom.mustache after it.
// A frame is the same for every page of one title in one session, so it is
// rendered once and kept: rendering it, and copying the whole page through
// it, took a tenth of a worklist request under load (bench/web_bench).
// Thread-safe.
#ifndef CLUSTERPILOT_WEB_PAGE_FRAMES_H_
#define CLUSTERPILOT_WEB_PAGE_FRAMES_H_

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace clusterpilot {

struct PageFrame {
  std::string top;     // up to the body
  std::string bottom;  // after it
};

class PageFrames {
 public:
  explicit PageFrames(size_t max_frames) : max_frames_(max_frames) {}
  PageFrames(const PageFrames&) = delete;
  PageFrames& operator=(const PageFrames&) = delete;

  // The frame kept under `key`, which must name everything the frame shows;
  // nullptr when none is.
  std::shared_ptr<const PageFrame> Find(const std::string& key);

  // Keeps `frame` under `key`. Past max_frames keys all are dropped and
  // kept anew: frames are cheap to render again.
  void Keep(const std::string& key, std::shared_ptr<const PageFrame> frame);

 private:
  const size_t max_frames_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const PageFrame>> frames_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_PAGE_FRAMES_H_
