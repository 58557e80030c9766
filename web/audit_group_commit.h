// Group commit for the page-view audit entries of concurrent requests. A
// page shows patient data only once its entry is committed; when every
// request commits its own entry, they queue for the store's one writer and
// each pays a whole transaction. Here the first waiting request leads: it
// yields once so that requests ready to run can add theirs, writes every
// entry queued by then in one transaction on its own store connection and
// wakes the requests whose entries it carried; entries that arrive
// meanwhile wait for the next batch. Thread-safe; one per store.
#ifndef CLUSTERPILOT_WEB_AUDIT_GROUP_COMMIT_H_
#define CLUSTERPILOT_WEB_AUDIT_GROUP_COMMIT_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.h"
#include "store/audit_log.h"

namespace clusterpilot {

class Store;

class AuditGroupCommit {
 public:
  AuditGroupCommit() = default;
  AuditGroupCommit(const AuditGroupCommit&) = delete;
  AuditGroupCommit& operator=(const AuditGroupCommit&) = delete;

  // Returns once `record` is committed to the store (Ok) or its batch
  // failed (that batch's error; nothing of it is stored). `store` is the
  // caller's own connection, used when the caller leads a batch.
  Status Record(Store& store, AuditRecord record);

 private:
  struct Batch {
    std::vector<AuditRecord> records;
    // The batch's requests wait here for its outcome, or for their turn to
    // lead it. One condition per batch: waking every waiting request at
    // each commit cost each page view two context switches more.
    std::condition_variable settled;
    bool done = false;
    Status outcome = Status::Ok();
  };
  // Hands the batch its outcome, wakes its requests and one request of the
  // next batch to lead that.
  void Finish(Batch& batch, const Status& outcome);

  std::mutex mutex_;
  std::shared_ptr<Batch> open_ = std::make_shared<Batch>();  // gathering entries
  bool writing_ = false;  // a leader is committing the batch before open_
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_AUDIT_GROUP_COMMIT_H_
