// The append-only audit log, in the spirit of NEN 7513: who read or changed
// which patient data, when, and from which host. Triggers in the schema make
// the table append-only for every program, this one included.
#ifndef CLUSTERPILOT_STORE_AUDIT_LOG_H_
#define CLUSTERPILOT_STORE_AUDIT_LOG_H_

#include <string>
#include <vector>

#include "core/error.h"

namespace clusterpilot {

class Store;

struct AuditEntry {
  std::string at;      // UTC, ISO 8601; filled in by RecordAudit
  std::string user;    // --by, else the operating-system user
  std::string host;    // filled in by RecordAudit
  std::string action;  // "import", "classify", "override", "report", ...
  std::string object;  // "batch 3", "measurement 1042", "patients of 2026-03"
};

// Appends one entry, stamping time and host. Call it inside the transaction
// of the change it records, so both land or neither.
Status RecordAudit(Store& store, const std::string& user, const std::string& action,
                   const std::string& object);

// All entries, oldest first.
Result<std::vector<AuditEntry>> ReadAuditLog(Store& store);

// The operating-system user running this process ("unknown" if none).
std::string OperatingSystemUser();

// The current UTC time as "2026-11-23T05:22:38Z".
std::string UtcTimestamp();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_AUDIT_LOG_H_
