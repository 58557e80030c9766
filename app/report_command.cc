#include "app/command_handlers.h"

namespace clusterpilot {

int RunReportCommand(CommandContext& context) { return NotBuiltYet(context, "#6"); }

}  // namespace clusterpilot
