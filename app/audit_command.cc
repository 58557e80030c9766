#include <ostream>

#include "app/command_handlers.h"
#include "app/escaped_text.h"
#include "store/audit_log.h"
#include "store/audit_log_anchor.h"
#include "store/audit_log_chain.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// One line per entry whatever its fields hold: control bytes and the
// separator are escaped, so a forged --by or file name cannot add a line.
void PrintAuditLog(const std::vector<AuditEntry>& entries, std::ostream& out) {
  out << "id;at;os_user;on_behalf_of;host;action;object\n";
  for (const AuditEntry& entry : entries) {
    out << entry.id;
    for (const std::string* field :
         {&entry.at, &entry.os_user, &entry.user, &entry.host, &entry.action, &entry.object}) {
      out << ';' << EscapedText(*field, ";");
    }
    out << '\n';
  }
}

// Reading the audit log is itself recorded, and committed before the first
// byte is shown: it names who acted on which patients' records.
int ShowAuditLog(CommandContext& context, Store& store) {
  Status recorded = RecordAudit(store, context.User(), "read audit log", "audit_log");
  if (!recorded.ok()) return context.Fail(recorded.error(), kExitInputRejected);
  Result<std::vector<AuditEntry>> entries = ReadAuditLog(store);
  if (!entries.ok()) return context.Fail(entries.error(), kExitInputRejected);
  PrintAuditLog(entries.value(), *context.out);
  return kExitSuccess;
}

int VerifyAuditLog(CommandContext& context, Store& store) {
  Result<std::vector<AuditEntry>> entries = ReadAuditLog(store);
  if (!entries.ok()) return context.Fail(entries.error(), kExitInputRejected);
  AuditChainCheck check = CheckAuditChain(entries.value());
  const std::string anchor_file = context.settings.GetString("audit.anchor_file", "");
  if (check.intact && !anchor_file.empty()) {
    check.problem = CheckAuditAnchor(anchor_file, entries.value());
    check.intact = check.problem.empty();
  }
  std::ostream& out = *context.out;
  if (check.intact) {
    out << "audit log intact: " << check.entry_count << " entries"
        << (anchor_file.empty() ? "" : ", head matches the anchor file") << "\n";
  } else {
    out << "audit log NOT intact: " << EscapedText(check.problem) << "\n";
  }
  out << "head: entry " << check.head_id << " " << check.head_hash << "\n";
  return check.intact ? kExitSuccess : kExitInputRejected;
}

}  // namespace

int RunAuditCommand(CommandContext& context) {
  const bool verify = !context.arguments.empty() && context.arguments[0] == "verify";
  if (context.arguments.size() > (verify ? 1u : 0u)) {
    return context.Fail("unexpected argument \"" + EscapedText(context.arguments.back()) +
                            "\"; use `clusterpilot audit [verify] --db FILE`",
                        kExitUsage);
  }
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  return verify ? VerifyAuditLog(context, *store.value()) : ShowAuditLog(context, *store.value());
}

}  // namespace clusterpilot
