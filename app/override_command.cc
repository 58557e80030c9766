#include "app/command_handlers.h"

namespace clusterpilot {

int RunOverrideCommand(CommandContext& context) { return NotBuiltYet(context, "#5"); }

}  // namespace clusterpilot
