#include "app/command_handlers.h"

namespace clusterpilot {

int RunDemoCommand(CommandContext& context) { return NotBuiltYet(context, "#6"); }

}  // namespace clusterpilot
