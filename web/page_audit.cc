#include <algorithm>

#include "store/audit_log.h"
#include "web/web_pages.h"

namespace clusterpilot {

Status AuditPageView(PageContext& context, const std::string& action, const std::string& object) {
  return RecordAudit(context.store, context.user->user.name, action,
                     object + " (web, from " + context.request.client_address + ")");
}

bool WorksFor(const PageContext& context, const std::string& department) {
  const std::vector<std::string>& mine = context.user->user.departments;
  return std::find(mine.begin(), mine.end(), department) != mine.end();
}

}  // namespace clusterpilot
