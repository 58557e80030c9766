// Runs the real clusterpilot binary as a child process, the way a user or a
// script does, and captures its exit code and output.
#ifndef CLUSTERPILOT_TESTS_SUPPORT_COMMAND_RUNNER_H_
#define CLUSTERPILOT_TESTS_SUPPORT_COMMAND_RUNNER_H_

#include <string>
#include <vector>

namespace clusterpilot {

struct CommandOutcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs CLUSTERPILOT_BINARY with `arguments` in `working_dir` (the current
// directory when empty).
CommandOutcome RunClusterpilot(const std::vector<std::string>& arguments,
                               const std::string& working_dir = "");

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_COMMAND_RUNNER_H_
