#include "tests/support/child_process.h"

#include <fcntl.h>
#include <spawn.h>

extern char** environ;

namespace clusterpilot {
namespace {

// posix_spawn's file actions, freed however the spawn ends.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;

  bool Open(int descriptor, const std::string& path, int flags) {
    return posix_spawn_file_actions_addopen(&actions_, descriptor, path.c_str(), flags, 0600) == 0;
  }
  bool ChangeDirectory(const std::string& dir) {
    return posix_spawn_file_actions_addchdir_np(&actions_, dir.c_str()) == 0;
  }
  const posix_spawn_file_actions_t* get() const { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

}  // namespace

pid_t SpawnChild(const std::string& program, const std::vector<std::string>& arguments,
                 const ChildSetup& setup) {
  FileActions actions;
  const int written = O_WRONLY | O_CREAT | O_TRUNC;
  // In this order, so that relative paths are taken from the child's directory.
  bool ready = setup.working_dir.empty() || actions.ChangeDirectory(setup.working_dir);
  ready = ready && actions.Open(1, setup.stdout_path, written) &&
          actions.Open(2, setup.stderr_path, written);
  if (!setup.stdin_path.empty()) ready = ready && actions.Open(0, setup.stdin_path, O_RDONLY);
  if (!ready) return -1;
  std::vector<std::string> copies = arguments;
  std::string name = program;
  std::vector<char*> argv = {name.data()};
  for (std::string& argument : copies) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t child = -1;
  return posix_spawnp(&child, name.c_str(), actions.get(), nullptr, argv.data(), environ) == 0
             ? child
             : -1;
}

}  // namespace clusterpilot
