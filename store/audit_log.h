// The append-only audit log, in the spirit of NEN 7513: who read or changed
// which patient data, on whose behalf, when, and from which host. Triggers in
// the schema make the table append-only for every program, this one included;
// each entry carries a SHA-256 chain hash (store/audit_log_chain.h) so that
// edits made around the triggers are found by `clusterpilot audit verify`.
#ifndef CLUSTERPILOT_STORE_AUDIT_LOG_H_
#define CLUSTERPILOT_STORE_AUDIT_LOG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

class Store;

struct AuditEntry {
  int64_t id = 0;
  std::string at;             // UTC, ISO 8601; filled in by RecordAudit
  std::string user;           // on whose behalf: --by (later the web user), else os_user
  std::string os_user;        // the operating-system user who ran the program ("" before schema 4)
  std::string host;           // filled in by RecordAudit
  std::string action;         // "import", "classify", "override", "report", ...
  std::string object;         // "batch 3", "measurement 1042", "patients of 2026-03"
  std::string previous_hash;  // chain_hash of the entry before ("" for the first)
  std::string chain_hash;     // AuditChainHash(this entry)
};

// Appends one entry for `user` (the operating-system user when empty),
// stamping time, host and the operating-system user, and chaining it to the
// current head. Inside a caller's transaction it joins
// that transaction (so the entry and the change it records land together);
// otherwise it commits the entry itself before returning. When an anchor file
// is set (SetAuditAnchorFile), the new head is appended to it on commit.
Status RecordAudit(Store& store, const std::string& user, const std::string& action,
                   const std::string& object);

// What one entry says; RecordAudits stamps and chains the rest.
struct AuditRecord {
  std::string user;
  std::string action;
  std::string object;
};

// Appends `records` in their order as RecordAudit appends one, all in one
// transaction (or the caller's): several requests' entries share a commit.
Status RecordAudits(Store& store, const std::vector<AuditRecord>& records);

// All entries, oldest first.
Result<std::vector<AuditEntry>> ReadAuditLog(Store& store);

// Gives every entry that has no chain hash yet (those written before schema
// version 4) its hash, in id order. Run by the version 4 migration.
Status ChainUnchainedAuditEntries(Store& store);

// The operating-system user running this process ("unknown" if none).
std::string OperatingSystemUser();

// The current UTC time as "2026-11-23T05:22:38Z".
std::string UtcTimestamp();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_AUDIT_LOG_H_
