// The key of a kept rendering (a page's frame, a worklist listing): the
// parts it depends on, each preceded by its length, so that no two
// different lists of parts make the same key, whatever characters a name
// holds.
#ifndef CLUSTERPILOT_WEB_CACHE_KEY_H_
#define CLUSTERPILOT_WEB_CACHE_KEY_H_

#include <string>
#include <string_view>

namespace clusterpilot {

class CacheKey {
 public:
  CacheKey& Add(std::string_view part) {
    text_ += std::to_string(part.size());
    text_ += ':';
    text_ += part;
    return *this;
  }

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_CACHE_KEY_H_
