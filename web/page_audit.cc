#include <algorithm>
#include <mutex>

#include "store/audit_log.h"
#include "web/web_pages.h"

namespace clusterpilot {

Status AuditPageView(PageContext& context, const std::string& action, const std::string& object) {
  // Every page view appends to the one hash chain, so the server's
  // connections queue here rather than in SQLite's busy handler, which
  // sleeps whole milliseconds between tries and made waits of tens of ms
  // under load (bench/web_bench).
  static std::mutex appending;
  std::lock_guard<std::mutex> lock(appending);
  return RecordAudit(context.store, context.user->user.name, action,
                     object + " (web, from " + context.request.client_address + ")");
}

bool WorksFor(const PageContext& context, const std::string& department) {
  const std::vector<std::string>& mine = context.user->user.departments;
  return std::find(mine.begin(), mine.end(), department) != mine.end();
}

}  // namespace clusterpilot
