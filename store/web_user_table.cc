#include "store/web_user_table.h"

#include <array>

#include "store/audit_log.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr std::array<std::string_view, 4> kRoleNames = {"clinician", "finance", "manager", "admin"};

constexpr const char* kSelectUser =
    "SELECT id, name, role, password_hash, disabled, failed_logins, locked_until, language "
    "FROM app_user ";

Error UserError(const std::string& name, std::string message) {
  Error error;
  error.field = "user";
  error.value = name;
  error.message = std::move(message);
  return error;
}

Status ReadDepartments(Store& store, WebUser* user) {
  SqlStatement select(
      store, "SELECT department FROM app_user_department WHERE user_id = ? ORDER BY department");
  select.BindInt(1, user->id);
  while (select.Step()) user->departments.emplace_back(select.Text(0));
  return select.status();
}

WebUser ReadUserRow(const SqlStatement& row) {
  WebUser user;
  user.id = row.Int(0);
  user.name = std::string(row.Text(1));
  user.role = ParseWebRole(row.Text(2)).value_or(WebRole::kClinician);
  user.password_hash = std::string(row.Text(3));
  user.disabled = row.Int(4) != 0;
  user.failed_logins = static_cast<int>(row.Int(5));
  user.locked_until = row.Int(6);
  user.language = ParseLanguage(row.Text(7)).value_or(kDefaultLanguage);
  return user;
}

// The users the statement selects, each with its departments.
Result<std::vector<WebUser>> ReadUsers(Store& store, SqlStatement& select) {
  std::vector<WebUser> users;
  while (select.Step()) users.push_back(ReadUserRow(select));
  if (!select.status().ok()) return select.status().error();
  for (WebUser& user : users) {
    Status status = ReadDepartments(store, &user);
    if (!status.ok()) return status.error();
  }
  return users;
}

Result<std::optional<WebUser>> FirstUser(Store& store, SqlStatement& select) {
  Result<std::vector<WebUser>> users = ReadUsers(store, select);
  if (!users.ok()) return users.error();
  if (users.value().empty()) return std::optional<WebUser>();
  return std::optional<WebUser>(users.value().front());
}

Status InsertDepartments(Store& store, int64_t user_id, const std::vector<std::string>& names) {
  SqlStatement insert(store,
                      "INSERT OR IGNORE INTO app_user_department(user_id, department) VALUES(?,?)");
  for (const std::string& department : names) {
    insert.BindInt(1, user_id);
    insert.BindText(2, department);
    Status status = insert.Run();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Runs an UPDATE of one account by name; an unknown name is an error.
Status UpdateNamedUser(Store& store, SqlStatement& update, const std::string& name) {
  Status status = update.Run();
  if (!status.ok()) return status;
  if (store.ChangedRows() == 0) {
    return UserError(name, "bestaat niet / no such user");
  }
  return Status::Ok();
}

Status DeleteSessionsOf(Store& store, const std::string& name) {
  SqlStatement remove(
      store, "DELETE FROM web_session WHERE user_id = (SELECT id FROM app_user WHERE name = ?)");
  remove.BindText(1, name);
  return remove.Run();
}

}  // namespace

std::string_view WebRoleName(WebRole role) { return kRoleNames[static_cast<size_t>(role)]; }

std::optional<WebRole> ParseWebRole(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<WebRole>(i);
  }
  return std::nullopt;
}

Result<int64_t> AddWebUser(Store& store, const WebUser& user, const std::string& by_user) {
  int64_t id = 0;
  Status status = store.InTransaction([&]() -> Status {
    Result<std::optional<WebUser>> existing = FindWebUser(store, user.name);
    if (!existing.ok()) return existing.error();
    if (existing.value()) return UserError(user.name, "bestaat al / already exists");
    SqlStatement insert(store,
                        "INSERT INTO app_user(name, role, password_hash, created_at, language) "
                        "VALUES(?,?,?,?,?)");
    insert.BindText(1, user.name);
    insert.BindText(2, WebRoleName(user.role));
    insert.BindText(3, user.password_hash);
    insert.BindText(4, UtcTimestamp());
    insert.BindText(5, LanguageCode(user.language));
    Status inserted = insert.Run();
    if (!inserted.ok()) return inserted;
    id = store.LastInsertId();
    inserted = InsertDepartments(store, id, user.departments);
    if (!inserted.ok()) return inserted;
    return RecordAudit(store, by_user, "user add",
                       "user " + user.name + " (" + std::string(WebRoleName(user.role)) + ")");
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::vector<WebUser>> ListWebUsers(Store& store) {
  SqlStatement select(store, std::string(kSelectUser) + "ORDER BY name");
  return ReadUsers(store, select);
}

Result<std::optional<WebUser>> FindWebUser(Store& store, const std::string& name) {
  SqlStatement select(store, std::string(kSelectUser) + "WHERE name = ?");
  select.BindText(1, name);
  return FirstUser(store, select);
}

Result<std::optional<WebUser>> FindWebUserById(Store& store, int64_t id) {
  SqlStatement select(store, std::string(kSelectUser) + "WHERE id = ?");
  select.BindInt(1, id);
  return FirstUser(store, select);
}

Status DisableWebUser(Store& store, const std::string& name, const std::string& by_user) {
  return store.InTransaction([&]() -> Status {
    SqlStatement update(store, "UPDATE app_user SET disabled = 1 WHERE name = ?");
    update.BindText(1, name);
    Status status = UpdateNamedUser(store, update, name);
    if (status.ok()) status = DeleteSessionsOf(store, name);
    if (!status.ok()) return status;
    return RecordAudit(store, by_user, "user disable", "user " + name);
  });
}

Status SetWebUserPassword(Store& store, const std::string& name, const std::string& password_hash,
                          const std::string& by_user) {
  return store.InTransaction([&]() -> Status {
    SqlStatement update(store,
                        "UPDATE app_user SET password_hash = ?, failed_logins = 0, "
                        "locked_until = 0 WHERE name = ?");
    update.BindText(1, password_hash);
    update.BindText(2, name);
    Status status = UpdateNamedUser(store, update, name);
    if (status.ok()) status = DeleteSessionsOf(store, name);
    if (!status.ok()) return status;
    return RecordAudit(store, by_user, "user password", "user " + name);
  });
}

Status SetWebUserLanguage(Store& store, const std::string& name, Language language,
                          const std::string& by_user) {
  return store.InTransaction([&]() -> Status {
    SqlStatement update(store, "UPDATE app_user SET language = ? WHERE name = ?");
    update.BindText(1, LanguageCode(language));
    update.BindText(2, name);
    Status status = UpdateNamedUser(store, update, name);
    if (!status.ok()) return status;
    return RecordAudit(store, by_user, "user language",
                       "user " + name + ": " + std::string(LanguageCode(language)));
  });
}

Status UpdateLoginFailures(Store& store, int64_t user_id, int failed_logins, int64_t locked_until) {
  SqlStatement update(store,
                      "UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE id = ?");
  update.BindInt(1, failed_logins);
  update.BindInt(2, locked_until);
  update.BindInt(3, user_id);
  return update.Run();
}

}  // namespace clusterpilot
