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
  long max_rss_kb = 0;  // the child's peak resident memory (wait4's ru_maxrss)
};

// Runs CLUSTERPILOT_BINARY with `arguments` in `working_dir` (the current
// directory when empty), its standard input read from `stdin_path` (when
// given).
CommandOutcome RunClusterpilot(const std::vector<std::string>& arguments,
                               const std::string& working_dir = "",
                               const std::string& stdin_path = "");

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_COMMAND_RUNNER_H_
