// Checkpoints an SQLite store's write-ahead log on a thread of its own, for
// a program with many writing connections (the web server). SQLite's own
// checkpoint runs inside the commit that lets the log pass 1,000 pages: the
// web server's page-view audit entries are committed in groups, and every
// request of that group then waited for the checkpoint, which copies the log
// into the store and syncs it (p99 of 276-720 ms in one benchmark run in
// six, where the others stayed under 20 ms). Watched connections leave the
// checkpoint to this thread; their commits only tell it the log's length.
// On PostgreSQL it does nothing (the server checkpoints itself).
#ifndef CLUSTERPILOT_STORE_BACKGROUND_CHECKPOINT_H_
#define CLUSTERPILOT_STORE_BACKGROUND_CHECKPOINT_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/error.h"

struct sqlite3;

namespace clusterpilot {

class Store;

class BackgroundCheckpoint {
 public:
  // Opens a connection of its own to the existing store at `path` and starts
  // the thread (none on PostgreSQL).
  static Result<std::unique_ptr<BackgroundCheckpoint>> Start(const std::string& path);
  // Stops the thread. Destroy the watched connections first: a commit on one
  // of them would call into this object.
  ~BackgroundCheckpoint();
  BackgroundCheckpoint(const BackgroundCheckpoint&) = delete;
  BackgroundCheckpoint& operator=(const BackgroundCheckpoint&) = delete;

  // From now on `store`'s commits no longer checkpoint; once the log holds
  // kCheckpointPages pages, the thread checkpoints it.
  void Watch(Store& store);

  // Checkpoints the thread has run, for tests.
  int checkpoints() const;

  // SQLite's own threshold (wal_autocheckpoint's default).
  static constexpr int kCheckpointPages = 1000;

 private:
  explicit BackgroundCheckpoint(std::unique_ptr<Store> store);
  static int OnCommit(void* self, sqlite3* db, const char* schema, int pages);
  void Run();

  std::unique_ptr<Store> store_;
  mutable std::mutex mutex_;
  std::condition_variable wanted_changed_;
  bool wanted_ = false;
  bool stopping_ = false;
  int checkpoints_ = 0;
  std::thread thread_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_BACKGROUND_CHECKPOINT_H_
