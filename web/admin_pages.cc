// The admin's pages: the accounts and the audit log. No patient data.
#include "store/audit_log.h"
#include "store/web_user_table.h"
#include "web/page_renderer.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

constexpr size_t kAuditRowsShown = 500;

Poco::JSON::Object::Ptr UserValues(const WebUser& user) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("name", user.name);
  values->set("role", std::string(WebRoleName(user.role)));
  Poco::JSON::Array::Ptr departments = new Poco::JSON::Array;
  for (const std::string& department : user.departments) departments->add(department);
  values->set("departments", departments);
  values->set("disabled", user.disabled);
  return values;
}

bool Matches(const AuditEntry& entry, const std::string& user, const std::string& action) {
  return (user.empty() || entry.user == user) && (action.empty() || entry.action == action);
}

Poco::JSON::Object::Ptr EntryValues(const AuditEntry& entry) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("id", entry.id);
  values->set("at", entry.at);
  values->set("user", entry.user);
  values->set("host", entry.host);
  values->set("action", entry.action);
  values->set("object", entry.object);
  return values;
}

}  // namespace

WebResponse UsersPage(PageContext& context) {
  Result<std::vector<WebUser>> users = ListWebUsers(context.store);
  if (!users.ok()) return ErrorPage(context, 500, "web.error.internal");
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const WebUser& user : users.value()) list->add(UserValues(user));
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("users", list);
  return RenderPage(context, 200, Phrase(PageLanguage(context), "web.title.users"), "users",
                    values);
}

// Newest first, at most kAuditRowsShown entries.
WebResponse AuditPage(PageContext& context) {
  Result<std::vector<AuditEntry>> entries = ReadAuditLog(context.store);
  if (!entries.ok()) return ErrorPage(context, 500, "web.error.internal");
  const std::string user = context.request.Query("user");
  const std::string action = context.request.Query("action");
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (auto entry = entries.value().rbegin();
       entry != entries.value().rend() && list->size() < kAuditRowsShown; ++entry) {
    if (Matches(*entry, user, action)) list->add(EntryValues(*entry));
  }
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("user", user);
  values->set("action", action);
  values->set("entries", list);
  return RenderPage(context, 200, Phrase(PageLanguage(context), "web.title.audit"), "audit",
                    values);
}

}  // namespace clusterpilot
