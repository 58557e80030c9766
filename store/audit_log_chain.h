// The hash chain over the audit log and its verification. Each entry's
// chain hash is SHA-256 over a canonical, length-prefixed encoding of its
// fields and the previous entry's hash, so changing, removing or inserting an
// entry breaks the chain at that entry. Someone who can write the store can
// still recompute a whole chain; the anchor file (store/audit_log_anchor.h),
// kept outside the store, catches that.
#ifndef CLUSTERPILOT_STORE_AUDIT_LOG_CHAIN_H_
#define CLUSTERPILOT_STORE_AUDIT_LOG_CHAIN_H_

#include <cstdint>
#include <string>
#include <vector>

namespace clusterpilot {

struct AuditEntry;

// SHA-256 (64 lower-case hex digits) over at, user, os_user, host,
// action, object and previous_hash, each written as "<byte length>:<bytes>,"
// after a version tag: no two different entries share an encoding.
std::string AuditChainHash(const AuditEntry& entry);

struct AuditChainCheck {
  bool intact = true;
  std::string problem;    // the first break, naming the entry; "" when intact
  std::string head_hash;  // chain hash of the last entry ("" for an empty log)
  int64_t head_id = 0;    // id of the last entry (0 for an empty log)
  int64_t entry_count = 0;
};

// Walks `entries` (oldest first, as ReadAuditLog gives them) and names the
// first entry that was changed, removed or inserted.
AuditChainCheck CheckAuditChain(const std::vector<AuditEntry>& entries);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_AUDIT_LOG_CHAIN_H_
