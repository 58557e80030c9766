// The table of subcommands: it both dispatches and writes the help, so the
// two can never disagree (the habit of ninja's kTools[]).
#ifndef CLUSTERPILOT_APP_COMMAND_TABLE_H_
#define CLUSTERPILOT_APP_COMMAND_TABLE_H_

#include <iosfwd>
#include <vector>

#include "app/command.h"

namespace clusterpilot {

const std::vector<Command>& AllCommands();

// The command named `name`, or nullptr.
const Command* FindCommand(const std::string& name);

// `clusterpilot --help`: every subcommand with its one-line description.
void PrintOverview(std::ostream& out);

// Parses argv, dispatches to the subcommand and returns the exit code.
int RunCommandLine(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_COMMAND_TABLE_H_
