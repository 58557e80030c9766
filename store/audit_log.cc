#include "store/audit_log.h"

#include <pwd.h>
#include <unistd.h>

#include <ctime>

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
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
  SqlStatement insert(store,
                      "INSERT INTO audit_log(at, user, host, action, object) VALUES(?,?,?,?,?)");
  insert.BindText(1, UtcTimestamp());
  insert.BindText(2, user.empty() ? OperatingSystemUser() : user);
  insert.BindText(3, HostName());
  insert.BindText(4, action);
  insert.BindText(5, object);
  return insert.Run();
}

Result<std::vector<AuditEntry>> ReadAuditLog(Store& store) {
  SqlStatement select(store, "SELECT at, user, host, action, object FROM audit_log ORDER BY id");
  std::vector<AuditEntry> entries;
  while (select.Step()) {
    entries.push_back(AuditEntry{std::string(select.Text(0)), std::string(select.Text(1)),
                                 std::string(select.Text(2)), std::string(select.Text(3)),
                                 std::string(select.Text(4))});
  }
  if (!select.status().ok()) return select.status().error();
  return entries;
}

}  // namespace clusterpilot
