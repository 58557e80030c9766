// What every subcommand handler receives and returns. Handlers live in
// app/*_command.cc; the table in command_table.cc dispatches to them and
// writes the help.
#ifndef CLUSTERPILOT_APP_COMMAND_H_
#define CLUSTERPILOT_APP_COMMAND_H_

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"

namespace clusterpilot {

// The exit codes scripts rely on (DESIGN.md).
inline constexpr int kExitSuccess = 0;
inline constexpr int kExitInputRejected = 1;  // nothing, or only the valid part, was stored
inline constexpr int kExitUsage = 2;          // wrong options

struct OptionSpec {
  const char* name;         // "db" for --db
  const char* argument;     // "FILE"; nullptr for a flag such as --strict
  const char* description;  // one line for --help; mention the default
  bool repeatable = false;  // may be given several times (CommandContext::GetAll)
};

// Settings from the properties file (--config FILE, else
// ./clusterpilot.properties when present): thresholds and sizes that must
// change without recompiling. Keys such as "report.suppress_below".
class Settings {
 public:
  explicit Settings(std::map<std::string, std::string> values = {}) : values_(std::move(values)) {}
  std::string GetString(const std::string& key, const std::string& fallback) const;
  // Falls back when the key is missing; *error explains a value that is not a
  // number (and the fallback is returned).
  double GetDouble(const std::string& key, double fallback, std::string* error = nullptr) const;
  int GetInt(const std::string& key, int fallback, std::string* error = nullptr) const;
  // GetInt, and *error says so when the value is outside [low, high].
  int GetIntBetween(const std::string& key, int fallback, int low, int high,
                    std::string* error) const;

 private:
  std::map<std::string, std::string> values_;
};

struct CommandContext {
  std::string command;  // "import"
  std::map<std::string, std::string>
      options;  // given options; flags map to ""; the last of a repeat
  std::map<std::string, std::vector<std::string>> repeated;  // every value of a repeatable option
  std::vector<std::string> arguments;                        // positional arguments
  Settings settings;
  std::ostream* out;  // results and summaries
  std::ostream* err;  // errors and warnings

  bool Has(const std::string& option) const { return options.count(option) > 0; }
  std::string Get(const std::string& option, const std::string& fallback = "") const;
  // Every value of a repeatable option, in the order given; empty when absent.
  std::vector<std::string> GetAll(const std::string& option) const;
  // --db, else the store.url setting, else clusterpilot.db in the working
  // directory: a file, or a postgresql:// URL (store/store_location.h).
  std::string DatabasePath() const {
    return Get("db", settings.GetString("store.url", "clusterpilot.db"));
  }
  // The month given as --`option` YYYY-MM, the one month parser of the tool;
  // the error reads `--month "2026-3": not a month; write it as YYYY-MM, e.g.
  // 2026-03`.
  Result<CalendarMonth> Month(const std::string& option) const;
  // --by, defaulting to the operating-system user: who the audit log names.
  std::string User() const;
  // Why --by cannot name whom the audit log records (blank, or holding a
  // control character that could forge a line of output); "" when it can or
  // when --by is not given.
  std::string ByOptionProblem() const;

  // Prints `clusterpilot COMMAND: <error>` on err and returns `exit_code`.
  int Fail(const Error& error, int exit_code) const;
  int Fail(const std::string& message, int exit_code) const;
};

using CommandHandler = int (*)(CommandContext& context);

struct Command {
  const char* name;
  const char* synopsis;     // "--db DB FILE..."
  const char* description;  // one line for the overview
  std::vector<OptionSpec> options;
  CommandHandler handler;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_COMMAND_H_
