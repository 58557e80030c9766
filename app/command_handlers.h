// One handler per subcommand; each lives in its own app/<name>_command.cc.
#ifndef CLUSTERPILOT_APP_COMMAND_HANDLERS_H_
#define CLUSTERPILOT_APP_COMMAND_HANDLERS_H_

#include "app/command.h"

namespace clusterpilot {

int RunImportCommand(CommandContext& context);
int RunClassifyCommand(CommandContext& context);
int RunModelCommand(CommandContext& context);
int RunAssignmentsCommand(CommandContext& context);
int RunOverrideCommand(CommandContext& context);
int RunReportCommand(CommandContext& context);
int RunGenerateCommand(CommandContext& context);
int RunDemoCommand(CommandContext& context);
int RunAuditCommand(CommandContext& context);
int RunStoreCommand(CommandContext& context);
int RunUserCommand(CommandContext& context);
int RunServeCommand(CommandContext& context);
int RunPatientCommand(CommandContext& context);
int RunDueCommand(CommandContext& context);

// The setting due.discharged_after_months (default 3, at least 1) that
// `due` and the due page of `serve` share; a bad value is named in *error.
int DischargedAfterMonths(const Settings& settings, std::string* error);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_COMMAND_HANDLERS_H_
