#include <ostream>

#include "app/command_handlers.h"
#include "store/audit_log.h"
#include "store/store.h"

namespace clusterpilot {

// Reading the audit log is itself recorded: it names who acted on which
// patients' records.
int RunAuditCommand(CommandContext& context) {
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Result<std::vector<AuditEntry>> entries = ReadAuditLog(*store.value());
  if (!entries.ok()) return context.Fail(entries.error(), kExitInputRejected);
  std::ostream& out = *context.out;
  out << "at;user;host;action;object\n";
  for (const AuditEntry& entry : entries.value()) {
    out << entry.at << ';' << entry.user << ';' << entry.host << ';' << entry.action << ';'
        << entry.object << "\n";
  }
  Status recorded = RecordAudit(*store.value(), context.User(), "read audit log", "audit_log");
  if (!recorded.ok()) return context.Fail(recorded.error(), kExitInputRejected);
  return kExitSuccess;
}

}  // namespace clusterpilot
