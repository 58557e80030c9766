#include "app/command_handlers.h"

namespace clusterpilot {

int RunGenerateCommand(CommandContext& context) { return NotBuiltYet(context, "#4"); }

}  // namespace clusterpilot
