#include "store/audit_log.h"

#include <pwd.h>
#include <unistd.h>

#include <ctime>

#include "store/audit_log_anchor.h"
#include "store/audit_log_chain.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

Result<std::string> HeadHash(Store& store) {
  SqlStatement head(store, "SELECT chain_hash FROM audit_log ORDER BY id DESC LIMIT 1");
  std::string hash = head.Step() ? std::string(head.Text(0)) : std::string();
  if (!head.status().ok()) return head.status().error();
  return hash;
}

// Chains `entry` to `*head` and inserts it, moving `*head` on to it; the
// caller holds the write transaction, so no other writer can move the head
// in between.
Status AppendChained(Store& store, AuditEntry entry, std::string* head) {
  entry.previous_hash = *head;
  entry.chain_hash = AuditChainHash(entry);
  SqlStatement insert(store,
                      "INSERT INTO audit_log(at, \"user\", os_user, host, action, object, "
                      "previous_hash, chain_hash) VALUES(?,?,?,?,?,?,?,?)");
  const std::string* fields[] = {
      &entry.at,     &entry.user,   &entry.os_user,       &entry.host,
      &entry.action, &entry.object, &entry.previous_hash, &entry.chain_hash};
  for (int i = 0; i < 8; ++i) insert.BindText(i + 1, *fields[i]);
  Status inserted = insert.Run();
  if (!inserted.ok()) return inserted;
  entry.id = store.LastInsertId();
  AnchorOnCommit(store, entry);
  *head = entry.chain_hash;
  return Status::Ok();
}

Status AppendAll(Store& store, const std::vector<AuditRecord>& records) {
  Result<std::string> head = HeadHash(store);
  if (!head.ok()) return head.error();
  AuditEntry entry;
  entry.at = UtcTimestamp();
  // Looked up once per process: getpwuid reads the user database at every
  // call, and the web server appends entries for every page view.
  static const std::string os_user = OperatingSystemUser();
  static const std::string host = HostName();
  entry.os_user = os_user;
  entry.host = host;
  for (const AuditRecord& record : records) {
    entry.user = record.user.empty() ? entry.os_user : record.user;
    entry.action = record.action;
    entry.object = record.object;
    Status appended = AppendChained(store, entry, &head.value());
    if (!appended.ok()) return appended;
  }
  return Status::Ok();
}

}  // namespace

std::string OperatingSystemUser() {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  return "unknown";
}

std::string UtcTimestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Status RecordAudit(Store& store, const std::string& user, const std::string& action,
                   const std::string& object) {
  return RecordAudits(store, {AuditRecord{user, action, object}});
}

Status RecordAudits(Store& store, const std::vector<AuditRecord>& records) {
  if (!store.InOpenTransaction()) {
    return store.InTransaction([&] { return AppendAll(store, records); });
  }
  return AppendAll(store, records);
}

Result<std::vector<AuditEntry>> ReadAuditLog(Store& store) {
  SqlStatement select(store,
                      "SELECT id, at, \"user\", os_user, host, action, object, previous_hash, "
                      "chain_hash FROM audit_log ORDER BY id");
  std::vector<AuditEntry> entries;
  while (select.Step()) {
    AuditEntry entry;
    entry.id = select.Int(0);
    std::string* fields[] = {&entry.at,     &entry.user,   &entry.os_user,       &entry.host,
                             &entry.action, &entry.object, &entry.previous_hash, &entry.chain_hash};
    for (int i = 0; i < 8; ++i) *fields[i] = std::string(select.Text(i + 1));
    entries.push_back(std::move(entry));
  }
  if (!select.status().ok()) return select.status().error();
  return entries;
}

Status ChainUnchainedAuditEntries(Store& store) {
  Result<std::vector<AuditEntry>> entries = ReadAuditLog(store);
  if (!entries.ok()) return entries.error();
  SqlStatement update(store, "UPDATE audit_log SET previous_hash = ?, chain_hash = ? WHERE id = ?");
  std::string previous;
  for (AuditEntry& entry : entries.value()) {
    if (entry.chain_hash.empty()) {
      entry.previous_hash = previous;
      entry.chain_hash = AuditChainHash(entry);
      update.BindText(1, entry.previous_hash);
      update.BindText(2, entry.chain_hash);
      update.BindInt(3, entry.id);
      Status updated = update.Run();
      if (!updated.ok()) return updated;
    }
    previous = entry.chain_hash;
  }
  return Status::Ok();
}

}  // namespace clusterpilot
