#include "tests/support/command_runner.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/temp_dir.h"

namespace clusterpilot {

CommandOutcome RunClusterpilot(const std::vector<std::string>& arguments,
                               const std::string& working_dir, const std::string& stdin_path) {
  ScopedTempDir capture;
  const std::string out_path = capture.File("stdout");
  const std::string err_path = capture.File("stderr");
  CommandOutcome outcome;
  const pid_t child = fork();
  if (child == 0) {
    if (!working_dir.empty() && chdir(working_dir.c_str()) != 0) _exit(127);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (!stdin_path.empty()) {
      const int in = open(stdin_path.c_str(), O_RDONLY);
      if (in < 0) _exit(127);
      dup2(in, 0);
    }
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    std::string binary = CLUSTERPILOT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = arguments;
    for (std::string& argument : copies) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(child, &status, 0, &usage);
  outcome.max_rss_kb = usage.ru_maxrss;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  outcome.out = ReadFile(out_path);
  outcome.err = ReadFile(err_path);
  return outcome;
}

}  // namespace clusterpilot
