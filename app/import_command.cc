#include "app/command_handlers.h"

namespace clusterpilot {

int RunImportCommand(CommandContext& context) { return NotBuiltYet(context, "#4"); }

}  // namespace clusterpilot
