// The HTML of a kept list's rows, each rendered the first time it is shown
// and then kept as long as the list: a worklist row's HTML depends on that
// row alone, and building and rendering the page's 50 rows from their
// values was two fifths of a worklist request's processor time (perf on
// bench/web_bench). Thread-safe: requests read and fill it concurrently;
// a row two requests render at once is kept once.
#ifndef CLUSTERPILOT_WEB_RENDERED_ROWS_H_
#define CLUSTERPILOT_WEB_RENDERED_ROWS_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace clusterpilot {

class RenderedRows {
 public:
  explicit RenderedRows(size_t count);
  ~RenderedRows();
  RenderedRows(const RenderedRows&) = delete;
  RenderedRows& operator=(const RenderedRows&) = delete;

  size_t size() const { return count_; }

  // Row `index`'s HTML: kept, or made now by `render` and kept. The text
  // lives as long as this object.
  const std::string& Html(size_t index, const std::function<std::string()>& render) const;

 private:
  size_t count_;
  // nullptr until rendered; set once, by compare-and-swap, never changed.
  std::unique_ptr<std::atomic<const std::string*>[]> html_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_RENDERED_ROWS_H_
