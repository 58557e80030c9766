// Starting another program from a test, safely even while the test runs
// threads of its own.
//
// A child made with fork() in a threaded process may only make
// async-signal-safe calls before exec: another thread may hold the
// allocator's lock at the moment of the fork, and the child then waits for it
// forever. glibc's malloc guards against that, AddressSanitizer's allocator
// does not, and a CI run hung on it. posix_spawn does everything the child
// needs (open its files, change directory, exec) without running our code in
// between, so no lock is ever taken there.
#ifndef CLUSTERPILOT_TESTS_SUPPORT_CHILD_PROCESS_H_
#define CLUSTERPILOT_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace clusterpilot {

// Where the child's standard streams go, and where it starts.
struct ChildSetup {
  std::string stdin_path;  // "" keeps the parent's
  std::string stdout_path = "/dev/null";
  std::string stderr_path = "/dev/null";
  std::string working_dir;  // "" keeps the parent's
};

// Starts `program` (looked up on PATH when it has no slash) with `arguments`;
// the child's pid, or -1 when it could not be started.
pid_t SpawnChild(const std::string& program, const std::vector<std::string>& arguments,
                 const ChildSetup& setup = {});

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_CHILD_PROCESS_H_
