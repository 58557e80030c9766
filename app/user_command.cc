#include <iostream>
#include <optional>
#include <ostream>
#include <sstream>

#include "app/command_handlers.h"
#include "app/escaped_text.h"
#include "core/language.h"
#include "store/store.h"
#include "store/web_user_table.h"
#include "web/password_hasher.h"

namespace clusterpilot {
namespace {

// The password is one line of standard input, so it never shows in `ps` or
// the shell history.
std::string ReadPasswordLine() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::vector<std::string> SplitDepartments(const std::string& list) {
  std::vector<std::string> departments;
  std::stringstream stream(list);
  std::string department;
  while (std::getline(stream, department, ',')) {
    if (!department.empty()) departments.push_back(department);
  }
  return departments;
}

// --language as given, Dutch when absent; nullopt for anything but nl or en.
std::optional<Language> ChosenLanguage(const CommandContext& context) {
  if (!context.Has("language")) return kDefaultLanguage;
  return ParseLanguage(context.Get("language"));
}

int LanguageUsage(CommandContext& context) {
  return context.Fail("--language \"" + EscapedText(context.Get("language")) +
                          "\": schrijf nl (Nederlands) of en (English) / write nl or en",
                      kExitUsage);
}

int AddUser(CommandContext& context, Store& store) {
  const std::optional<WebRole> role = ParseWebRole(context.Get("role"));
  if (!role) {
    return context.Fail("--role \"" + EscapedText(context.Get("role")) +
                            "\": geen rol / not a role (clinician, finance, manager, admin)",
                        kExitUsage);
  }
  WebUser user;
  user.name = context.Get("name");
  user.role = *role;
  user.departments = SplitDepartments(context.Get("department"));
  const std::optional<Language> language = ChosenLanguage(context);
  if (!language) return LanguageUsage(context);
  user.language = *language;
  if ((user.role == WebRole::kClinician || user.role == WebRole::kManager) &&
      user.departments.empty()) {
    return context.Fail("--department is required for a clinician or manager", kExitUsage);
  }
  Result<std::string> hash = HashPassword(ReadPasswordLine());
  if (!hash.ok()) return context.Fail(hash.error(), kExitInputRejected);
  user.password_hash = hash.value();
  Result<int64_t> id = AddWebUser(store, user, context.User());
  if (!id.ok()) return context.Fail(id.error(), kExitInputRejected);
  *context.out << "user " << EscapedText(user.name) << " added (" << WebRoleName(user.role)
               << ")\n";
  return kExitSuccess;
}

int ListUsers(CommandContext& context, Store& store) {
  Result<std::vector<WebUser>> users = ListWebUsers(store);
  if (!users.ok()) return context.Fail(users.error(), kExitInputRejected);
  *context.out << "name;role;departments;status;language\n";
  for (const WebUser& user : users.value()) {
    std::string departments;
    for (const std::string& department : user.departments) {
      departments += (departments.empty() ? "" : ",") + department;
    }
    *context.out << EscapedText(user.name) << ";" << WebRoleName(user.role) << ";"
                 << EscapedText(departments) << ";" << (user.disabled ? "disabled" : "active")
                 << ";" << LanguageCode(user.language) << "\n";
  }
  return kExitSuccess;
}

int ChangeUser(CommandContext& context, Store& store, const std::string& action) {
  const std::string name = context.Get("name");
  Status status = Status::Ok();
  if (action == "disable") {
    status = DisableWebUser(store, name, context.User());
  } else if (action == "language") {
    const std::optional<Language> language = ChosenLanguage(context);
    if (!language || !context.Has("language")) return LanguageUsage(context);
    status = SetWebUserLanguage(store, name, *language, context.User());
    if (status.ok()) {
      *context.out << "user " << EscapedText(name) << ": language " << LanguageCode(*language)
                   << "\n";
      return kExitSuccess;
    }
  } else {
    Result<std::string> hash = HashPassword(ReadPasswordLine());
    if (!hash.ok()) return context.Fail(hash.error(), kExitInputRejected);
    status = SetWebUserPassword(store, name, hash.value(), context.User());
  }
  if (!status.ok()) return context.Fail(status.error(), kExitInputRejected);
  *context.out << "user " << EscapedText(name)
               << (action == "disable" ? " disabled\n" : ": password changed\n");
  return kExitSuccess;
}

}  // namespace

int RunUserCommand(CommandContext& context) {
  const std::string action = context.arguments.size() == 1 ? context.arguments[0] : "";
  if (action != "add" && action != "list" && action != "disable" && action != "password" &&
      action != "language") {
    return context.Fail("use `clusterpilot user add|list|disable|password|language --db DB ...`",
                        kExitUsage);
  }
  if (action != "list" && context.Get("name").find_first_not_of(" \t") == std::string::npos) {
    return context.Fail("--name is required for `user " + action + "`", kExitUsage);
  }
  auto store =
      Store::Open(context.DatabasePath(), action == "add" ? Store::OpenMode::kCreateIfMissing
                                                          : Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  if (action == "add") return AddUser(context, *store.value());
  if (action == "list") return ListUsers(context, *store.value());
  return ChangeUser(context, *store.value(), action);
}

}  // namespace clusterpilot
