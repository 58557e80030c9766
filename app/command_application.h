// Runs one subcommand as a Poco::Util::Application: Poco parses the options
// the command table declares, reads the properties file, and then the
// command's handler runs with plain values.
#ifndef CLUSTERPILOT_APP_COMMAND_APPLICATION_H_
#define CLUSTERPILOT_APP_COMMAND_APPLICATION_H_

#include <iosfwd>

#include "app/command.h"

namespace clusterpilot {

// argv[0] is the subcommand's name. Returns the handler's exit code, or
// kExitUsage after a message when the options do not parse.
int RunCommandApplication(const Command& command, int argc, char** argv, std::ostream& out,
                          std::ostream& err);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_COMMAND_APPLICATION_H_
