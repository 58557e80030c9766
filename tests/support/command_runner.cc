#include "tests/support/command_runner.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {

CommandOutcome RunClusterpilot(const std::vector<std::string>& arguments,
                               const std::string& working_dir, const std::string& stdin_path) {
  ScopedTempDir capture;
  ChildSetup setup;
  setup.stdin_path = stdin_path;
  setup.stdout_path = capture.File("stdout");
  setup.stderr_path = capture.File("stderr");
  setup.working_dir = working_dir;
  CommandOutcome outcome;
  const pid_t child = SpawnChild(CLUSTERPILOT_BINARY, arguments, setup);
  if (child < 0) {
    outcome.exit_code = 127;  // what a shell says of a program it could not start
    return outcome;
  }
  int status = 0;
  struct rusage usage {};
  wait4(child, &status, 0, &usage);
  outcome.max_rss_kb = usage.ru_maxrss;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  outcome.out = ReadFile(setup.stdout_path);
  outcome.err = ReadFile(setup.stderr_path);
  return outcome;
}

}  // namespace clusterpilot
