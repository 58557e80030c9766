// Fault injection against the real binary: start a command, kill it with
// SIGKILL at a chosen moment, and read back what it left behind. The shape
// of every crash-safety test (see import_command_test.cc).
#ifndef CLUSTERPILOT_TESTS_APP_KILL_HARNESS_H_
#define CLUSTERPILOT_TESTS_APP_KILL_HARNESS_H_

#include <signal.h>

#include <chrono>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace clusterpilot {

// Every table of the store, every row, as text; values of columns that hold
// a clock time (`at`, `*_at`) or a hash over one (`*hash*` but not the
// file's `content_hash`) are masked, so two runs of the same command compare
// equal. Opens the store as a user would (recovering the WAL).
std::string DumpStore(const std::string& db);

// `PRAGMA integrity_check` as SQLite answers it ("ok" when intact).
std::string IntegrityCheck(const std::string& db);

// Copies the store at `from` (its file and WAL) to `to`, replacing any
// store there.
void CopyStore(const std::string& from, const std::string& to);

// What became of one run that was to be killed.
enum class KillOutcome {
  kKilled,    // SIGKILL arrived while the command ran
  kFinished,  // the command ended before the kill was due
};

// Runs clusterpilot with `arguments` (output discarded) and kills it after
// `delay`, or lets it finish if it ends first.
KillOutcome RunAndKillAfter(const std::vector<std::string>& arguments,
                            std::chrono::microseconds delay);

// True when strace can trace a child process here (ptrace allowed).
bool StraceWorks();

// Runs clusterpilot with `arguments` to the end under strace and returns how
// many times it entered `syscall` (e.g. "pwrite64"), or -1 if strace failed.
int CountSyscalls(const std::vector<std::string>& arguments, const std::string& syscall);

// Runs clusterpilot with `arguments` under strace, which sends `signal`
// (SIGKILL unless given) as it enters its `at`-th call of `syscall`; kKilled
// when the command died of that signal.
KillOutcome RunKilledAtSyscall(const std::vector<std::string>& arguments,
                               const std::string& syscall, int at, int signal = SIGKILL);

// How long a full, unkilled run of `arguments` takes; fails the test if it
// exits with a code other than `expected_exit`.
std::chrono::microseconds TimeFullRun(const std::vector<std::string>& arguments,
                                      int expected_exit = 0);

// Counts per command, printed at the end of each test.
struct KillTally {
  int killed_before = 0;  // killed; the store held the state before
  int killed_after = 0;   // killed after its commit; the state after
  int finished = 0;       // ended before the kill was due (not a kill point)
  int mid_write = 0;      // of the kill points: frames in the WAL at the kill

  int kill_points() const { return killed_before + killed_after; }
  std::string ToString() const;
};

// `full` kills scaled by CLUSTERPILOT_KILL_SHARE (a percentage, default
// 100), at least one: CI's sanitizer pass runs every kill test with a short
// fixed budget, as the plain pass has already run the full one.
int KillBudget(int full);

// One deterministic source of kill moments for the whole test binary.
std::mt19937_64& KillRandom();

// A moment uniformly in [0, full_run]: most kills land inside the run, a
// few after it ended (runs vary in length).
std::chrono::microseconds RandomKillMoment(std::chrono::microseconds full_run);

// The first line where `a` and `b` differ, both versions, for a failure
// message that does not print two whole stores.
std::string FirstDifference(const std::string& a, const std::string& b);

// Every regular file below `dir` (relative path -> bytes).
std::map<std::string, std::string> FolderContents(const std::string& dir);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_APP_KILL_HARNESS_H_
