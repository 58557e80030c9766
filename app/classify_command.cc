#include "app/command_handlers.h"

namespace clusterpilot {

int RunClassifyCommand(CommandContext& context) { return NotBuiltYet(context, "#5"); }

}  // namespace clusterpilot
