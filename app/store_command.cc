#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>

#include "app/command_handlers.h"
#include "app/escaped_text.h"
#include "store/app_role_grants.h"
#include "store/audit_log.h"
#include "store/pseudonymised_copy.h"
#include "store/store.h"
#include "store/store_copy.h"

namespace clusterpilot {
namespace {

// The key file's bytes as they are (a trailing newline is part of the key);
// "" with *problem set when it cannot be read or is too short to be a key.
std::string ReadKey(const std::string& path, std::string* problem) {
  std::ifstream file(path, std::ios::binary);
  std::string key((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const std::string shown = "--key \"" + EscapedText(path) + "\": ";
  if (!file.good() && !file.eof()) {
    *problem = shown + "cannot be read";
  } else if (key.size() < kMinimumPseudonymKeyBytes) {
    *problem = shown + "the key has " + std::to_string(key.size()) + " bytes; use at least " +
               std::to_string(kMinimumPseudonymKeyBytes) +
               " random bytes (e.g. head -c 32 /dev/urandom > KEYFILE) and keep the file "
               "away from the copy";
  }
  return problem->empty() ? key : std::string();
}

int Pseudonymise(CommandContext& context) {
  if (!context.Has("key") || !context.Has("out")) {
    return context.Fail("pseudonymise needs --key KEYFILE and --out COPY.db", kExitUsage);
  }
  const std::string out = context.Get("out");
  std::error_code ignored;
  if (std::filesystem::exists(out, ignored)) {
    return context.Fail("--out \"" + EscapedText(out) +
                            "\": already exists; a pseudonymised copy never replaces a file",
                        kExitUsage);
  }
  std::string problem;
  const std::string key = ReadKey(context.Get("key"), &problem);
  if (!problem.empty()) return context.Fail(problem, kExitUsage);
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  // Audit first: the copy holds every patient's data, if under pseudonyms.
  Status recorded =
      RecordAudit(*store.value(), context.User(), "pseudonymised copy", "written to " + out);
  if (!recorded.ok()) return context.Fail(recorded.error(), kExitInputRejected);
  Result<PseudonymisedCopySummary> copy =
      WritePseudonymisedCopy(*store.value(), key, out, context.User());
  if (!copy.ok()) return context.Fail(copy.error(), kExitInputRejected);
  *context.out << "pseudonymised copy written to " << EscapedText(out) << ": "
               << copy.value().measurements << " measurements of " << copy.value().patients
               << " patients; rejected rows, override reasons and the audit log left out\n"
               << "pseudonymised data is still personal data (GDPR): share it only under the "
                  "institution's data-processing rules\n";
  return kExitSuccess;
}

int Copy(CommandContext& context) {
  if (!context.Has("from") || !context.Has("to")) {
    return context.Fail("copy needs --from DB and --to DB", kExitUsage);
  }
  auto source = Store::Open(context.Get("from"), Store::OpenMode::kMustExist);
  if (!source.ok()) return context.Fail(source.error(), kExitInputRejected);
  auto target = Store::Open(context.Get("to"));
  if (!target.ok()) return context.Fail(target.error(), kExitInputRejected);
  Result<StoreCopySummary> copy = CopyStore(*source.value(), *target.value(), context.User());
  if (!copy.ok()) return context.Fail(copy.error(), kExitInputRejected);
  for (const CopiedTable& table : copy.value().tables) {
    *context.out << table.name << ": " << table.content.rows << " rows, content hash "
                 << table.content.hash << "\n";
  }
  *context.out << "copied " << copy.value().rows << " rows in " << copy.value().tables.size()
               << " tables from " << EscapedText(context.Get("from")) << " to "
               << EscapedText(context.Get("to")) << "; counts and content hashes verified\n";
  return kExitSuccess;
}

// Prints the GRANTs for the DBA, or runs them with --apply (then --db must
// connect as the tables' owner).
int Grants(CommandContext& context) {
  if (!context.Has("role")) return context.Fail("grants needs --role APPROLE", kExitUsage);
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  if (store.value()->dialect() != SqlDialect::kPostgresql) {
    return context.Fail(
        "grants are for a PostgreSQL store (--db postgresql://...); an SQLite store's audit log "
        "is append-only by its triggers",
        kExitUsage);
  }
  auto grants = AppRoleGrants(*store.value(), context.Get("role"));
  if (!grants.ok()) return context.Fail(grants.error(), kExitUsage);
  if (!context.Has("apply")) {
    for (const std::string& statement : grants.value()) *context.out << statement << ";\n";
    return kExitSuccess;
  }
  Status applied = ApplyAppRoleGrants(*store.value(), grants.value());
  if (applied.ok()) {
    applied = RecordAudit(*store.value(), context.User(), "store grants",
                          "role " + context.Get("role") + ": SELECT and INSERT on audit_log");
  }
  if (!applied.ok()) return context.Fail(applied.error(), kExitInputRejected);
  *context.out << "applied " << grants.value().size() << " statements: role " << context.Get("role")
               << " may read and write the store, and only read and append to audit_log\n";
  return kExitSuccess;
}

}  // namespace

int RunStoreCommand(CommandContext& context) {
  const std::string action = context.arguments.size() == 1 ? context.arguments[0] : "";
  if (action == "pseudonymise") return Pseudonymise(context);
  if (action == "copy") return Copy(context);
  if (action == "grants") return Grants(context);
  return context.Fail(
      "use `clusterpilot store pseudonymise --db DB --key KEYFILE --out COPY.db` or "
      "`clusterpilot store copy --from DB --to DB` or `clusterpilot store grants --db "
      "postgresql://... --role APPROLE [--apply]`",
      kExitUsage);
}

}  // namespace clusterpilot
