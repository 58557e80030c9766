#include "web/rendered_rows.h"

namespace clusterpilot {

RenderedRows::RenderedRows(size_t count)
    : count_(count), html_(std::make_unique<std::atomic<const std::string*>[]>(count)) {}

RenderedRows::~RenderedRows() {
  for (size_t i = 0; i < count_; ++i) delete html_[i].load(std::memory_order_relaxed);
}

const std::string& RenderedRows::Html(size_t index,
                                      const std::function<std::string()>& render) const {
  std::atomic<const std::string*>& slot = html_[index];
  if (const std::string* kept = slot.load(std::memory_order_acquire)) return *kept;
  auto made = std::make_unique<const std::string>(render());
  const std::string* expected = nullptr;
  // Another request may have rendered the same row meanwhile: the first
  // kept wins, so every reader sees one text.
  if (!slot.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel)) {
    return *expected;
  }
  return *made.release();
}

}  // namespace clusterpilot
