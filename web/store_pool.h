// A fixed set of connections to one store for the server's worker threads:
// a Store is used by one thread at a time, so each request leases one and
// gives it back when the lease ends. Thread-safe.
#ifndef CLUSTERPILOT_WEB_STORE_POOL_H_
#define CLUSTERPILOT_WEB_STORE_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/background_checkpoint.h"
#include "store/store.h"

namespace clusterpilot {

class StorePool {
 public:
  // Opens `size` connections to the existing store at `path`, each with
  // durable commits (Store::RequireDurableCommits), whose write-ahead log
  // is checkpointed on a thread of the pool's own (BackgroundCheckpoint).
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, int size);
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  // A connection for the lifetime of the lease; waits while all are out.
  class Lease {
   public:
    explicit Lease(StorePool& pool);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Store& store() { return *store_; }

   private:
    StorePool& pool_;
    std::unique_ptr<Store> store_;
  };

 private:
  StorePool() = default;

  // Declared before the connections, so that it outlives them.
  std::unique_ptr<BackgroundCheckpoint> checkpoint_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_STORE_POOL_H_
