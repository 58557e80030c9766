#include "web/store_pool.h"

namespace clusterpilot {

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path, int size) {
  std::unique_ptr<StorePool> pool(new StorePool());
  auto checkpoint = BackgroundCheckpoint::Start(path);
  if (!checkpoint.ok()) return checkpoint.error();
  pool->checkpoint_ = std::move(checkpoint).value();
  for (int i = 0; i < size; ++i) {
    auto store = Store::Open(path, Store::OpenMode::kMustExist);
    if (!store.ok()) return store.error();
    // A page answers only once its audit entry is committed: on disk, too.
    Status durable = store.value()->RequireDurableCommits();
    if (!durable.ok()) return durable.error();
    pool->checkpoint_->Watch(*store.value());
    pool->idle_.push_back(std::move(store.value()));
  }
  return pool;
}

StorePool::Lease::Lease(StorePool& pool) : pool_(pool) {
  std::unique_lock<std::mutex> lock(pool_.mutex_);
  pool_.returned_.wait(lock, [this] { return !pool_.idle_.empty(); });
  store_ = std::move(pool_.idle_.back());
  pool_.idle_.pop_back();
}

StorePool::Lease::~Lease() {
  {
    std::lock_guard<std::mutex> lock(pool_.mutex_);
    pool_.idle_.push_back(std::move(store_));
  }
  pool_.returned_.notify_one();
}

}  // namespace clusterpilot
