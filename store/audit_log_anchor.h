// The anchor file: every new head of the audit log's hash chain (entry id,
// time, chain hash) appended to a file outside the store (setting
// audit.anchor_file, e.g. under /var/log). Whoever can rewrite the store
// cannot make a consistent chain match heads that were written elsewhere.
#ifndef CLUSTERPILOT_STORE_AUDIT_LOG_ANCHOR_H_
#define CLUSTERPILOT_STORE_AUDIT_LOG_ANCHOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

class Store;
struct AuditEntry;

// Sets the anchor file for every store this process opens ("" for none, the
// default). Call once at start-up, before the first RecordAudit.
void SetAuditAnchorFile(const std::string& path);

// Remembers `head` as the new head of `store`'s log. When the store's
// transaction commits, the head is appended to the anchor file as
// "<id> <at> <chain hash>" and synced; if that fails the commit becomes a
// rollback, so no entry lands without its anchor. A rollback forgets it.
// Does nothing without an anchor file.
void AnchorOnCommit(Store& store, const AuditEntry& head);

// Compares the log's entries (oldest first) with the anchor file's last
// line: "" when the head is the anchored head, else what is wrong.
std::string CheckAuditAnchor(const std::string& anchor_file,
                             const std::vector<AuditEntry>& entries);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_AUDIT_LOG_ANCHOR_H_
