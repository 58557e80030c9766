#include <algorithm>

#include "store/audit_log.h"
#include "web/audit_group_commit.h"
#include "web/web_pages.h"

namespace clusterpilot {

Status AuditPageView(PageContext& context, const std::string& action, const std::string& object) {
  // Every page view appends to the one hash chain. Concurrent views share a
  // transaction (web/audit_group_commit.h): one commit each made the server's
  // connections queue for the store's writer (bench/web_bench).
  return context.page_views.Record(
      context.store, AuditRecord{context.user->user.name, action,
                                 object + " (web, from " + context.request.client_address + ")"});
}

bool WorksFor(const PageContext& context, const std::string& department) {
  const std::vector<std::string>& mine = context.user->user.departments;
  return std::find(mine.begin(), mine.end(), department) != mine.end();
}

}  // namespace clusterpilot
