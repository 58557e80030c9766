#include "store/background_checkpoint.h"

#include <sqlite3.h>

#include "store/store.h"

namespace clusterpilot {

Result<std::unique_ptr<BackgroundCheckpoint>> BackgroundCheckpoint::Start(const std::string& path) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) return store.error();
  std::unique_ptr<BackgroundCheckpoint> checkpoint(
      new BackgroundCheckpoint(std::move(store).value()));
  if (checkpoint->store_->handle() != nullptr) {
    checkpoint->thread_ = std::thread([raw = checkpoint.get()] { raw->Run(); });
  }
  return checkpoint;
}

BackgroundCheckpoint::BackgroundCheckpoint(std::unique_ptr<Store> store)
    : store_(std::move(store)) {}

BackgroundCheckpoint::~BackgroundCheckpoint() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wanted_changed_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void BackgroundCheckpoint::Watch(Store& store) {
  // Replaces SQLite's automatic checkpoint, which is a hook of the same kind.
  if (store.handle() != nullptr) sqlite3_wal_hook(store.handle(), &OnCommit, this);
}

int BackgroundCheckpoint::checkpoints() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return checkpoints_;
}

// Runs in the committing thread, after its commit: only a signal.
int BackgroundCheckpoint::OnCommit(void* self, sqlite3*, const char*, int pages) {
  if (pages < kCheckpointPages) return SQLITE_OK;
  auto* checkpoint = static_cast<BackgroundCheckpoint*>(self);
  {
    std::lock_guard<std::mutex> lock(checkpoint->mutex_);
    checkpoint->wanted_ = true;
  }
  checkpoint->wanted_changed_.notify_one();
  return SQLITE_OK;
}

void BackgroundCheckpoint::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wanted_changed_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    lock.unlock();
    // PASSIVE: copies what no reader still needs, without waiting for
    // readers or holding up writers; what it leaves, the next one copies.
    sqlite3_wal_checkpoint_v2(store_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                              nullptr);
    lock.lock();
    ++checkpoints_;
  }
}

}  // namespace clusterpilot
