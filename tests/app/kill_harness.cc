#include "tests/app/kill_harness.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

#include "store/store.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

bool MaskedColumn(const std::string& name) {
  const bool clock = name == "at" || (name.size() > 3 && name.ends_with("_at"));
  const bool hash = name.find("hash") != std::string::npos && name != "content_hash";
  return clock || hash;
}

int AppendRow(void* out, int columns, char** values, char** names) {
  auto* text = static_cast<std::string*>(out);
  for (int i = 0; i < columns; ++i) {
    if (MaskedColumn(names[i])) {
      *text += "*|";
    } else {
      *text += std::string(values[i] != nullptr ? values[i] : "NULL") + "|";
    }
  }
  *text += "\n";
  return 0;
}

int AppendName(void* out, int, char** values, char**) {
  static_cast<std::vector<std::string>*>(out)->push_back(values[0]);
  return 0;
}

// Starts clusterpilot with `arguments`, its output discarded.
pid_t Start(const std::vector<std::string>& arguments) {
  return SpawnChild(CLUSTERPILOT_BINARY, arguments);
}

// LeakSanitizer cannot run under ptrace and ends the traced binary with an
// error, so in sanitizer builds the traced run leaves leak checks out (the
// untraced runs still check them).
std::string AsanOptionsWithoutLeakCheck() {
  const char* options = std::getenv("ASAN_OPTIONS");
  std::string value = options != nullptr ? options : "";
  if (!value.empty()) value += ":";
  return "ASAN_OPTIONS=" + value + "detect_leaks=0";
}

// strace's arguments before the traced command: follow threads, quiet.
std::vector<std::string> Traced(std::vector<std::string> strace_options,
                                const std::vector<std::string>& arguments) {
  std::vector<std::string> all = {"-f", "-qq", "-E", AsanOptionsWithoutLeakCheck()};
  all.insert(all.end(), strace_options.begin(), strace_options.end());
  all.push_back(CLUSTERPILOT_BINARY);
  all.insert(all.end(), arguments.begin(), arguments.end());
  return all;
}

int WaitFor(pid_t child) {
  int status = 0;
  waitpid(child, &status, 0);
  return status;
}

}  // namespace

std::string DumpStore(const std::string& db) {
  auto store = Store::Open(db, Store::OpenMode::kMustExist);
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  if (!store.ok()) return "";
  sqlite3* handle = store.value()->handle();
  std::vector<std::string> tables;
  sqlite3_exec(handle, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
               AppendName, &tables, nullptr);
  std::string dump;
  for (const std::string& table : tables) {
    dump += "== " + table + "\n";
    sqlite3_exec(handle, ("SELECT * FROM \"" + table + "\" ORDER BY rowid").c_str(), AppendRow,
                 &dump, nullptr);
  }
  dump += "== schema\n";
  sqlite3_exec(handle, "SELECT type, name, sql FROM sqlite_schema ORDER BY name", AppendRow, &dump,
               nullptr);
  return dump;
}

std::string IntegrityCheck(const std::string& db) {
  auto store = Store::Open(db, Store::OpenMode::kMustExist);
  if (!store.ok()) return store.error().ToString();
  std::vector<std::string> lines;
  sqlite3_exec(store.value()->handle(), "PRAGMA integrity_check", AppendName, &lines, nullptr);
  std::string joined;
  for (const std::string& line : lines) joined += (joined.empty() ? "" : "\n") + line;
  return joined;
}

void CopyStore(const std::string& from, const std::string& to) {
  std::error_code ignored;
  for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(to + suffix, ignored);
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  // Committed pages may still be in the WAL; the copy needs them.
  if (fs::exists(from + "-wal", ignored)) {
    fs::copy_file(from + "-wal", to + "-wal", fs::copy_options::overwrite_existing);
  }
}

KillOutcome RunAndKillAfter(const std::vector<std::string>& arguments,
                            std::chrono::microseconds delay) {
  const pid_t child = Start(arguments);
  const auto due = std::chrono::steady_clock::now() + delay;
  int status = 0;
  // Poll rather than sleep through: a command that ends early is reaped at
  // once and counted as finished, not as a kill.
  while (std::chrono::steady_clock::now() < due) {
    if (waitpid(child, &status, WNOHANG) == child) return KillOutcome::kFinished;
    std::this_thread::sleep_for(std::min<std::chrono::microseconds>(
        std::chrono::microseconds(500), std::chrono::duration_cast<std::chrono::microseconds>(
                                            due - std::chrono::steady_clock::now())));
  }
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? KillOutcome::kKilled
                                                            : KillOutcome::kFinished;
}

bool StraceWorks() {
  const int status = WaitFor(SpawnChild("strace", {"-qq", "-o", "/dev/null", "true"}));
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int CountSyscalls(const std::vector<std::string>& arguments, const std::string& syscall) {
  ScopedTempDir dir;
  const std::string log = dir.File("strace.log");
  const int status =
      WaitFor(SpawnChild("strace", Traced({"-o", log, "-e", "trace=" + syscall}, arguments)));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  std::istringstream lines(ReadFile(log));
  int calls = 0;
  // A call another thread interrupts is logged twice ("<unfinished ...>",
  // then "<... resumed>"); count it once.
  for (std::string line; std::getline(lines, line);)
    calls += line.find("resumed>") == std::string::npos;
  return calls;
}

KillOutcome RunKilledAtSyscall(const std::vector<std::string>& arguments,
                               const std::string& syscall, int at, int signal) {
  const std::string inject =
      "inject=" + syscall + ":signal=SIG" + sigabbrev_np(signal) + ":when=" + std::to_string(at);
  const int status = WaitFor(SpawnChild(
      "strace", Traced({"-o", "/dev/null", "-e", "trace=" + syscall, "-e", inject}, arguments)));
  // strace ends the way its tracee did: killed by the signal, or exit 128+N.
  const bool killed = (WIFSIGNALED(status) && WTERMSIG(status) == signal) ||
                      (WIFEXITED(status) && WEXITSTATUS(status) == 128 + signal);
  return killed ? KillOutcome::kKilled : KillOutcome::kFinished;
}

std::chrono::microseconds TimeFullRun(const std::vector<std::string>& arguments,
                                      int expected_exit) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = Start(arguments);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == expected_exit)
      << "status " << status << " for " << testing::PrintToString(arguments);
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start);
}

std::string KillTally::ToString() const {
  std::ostringstream text;
  text << kill_points() << " kill points (" << killed_before << " left the state before, "
       << killed_after << " the state after; " << mid_write << " with frames in the WAL), "
       << finished << " runs ended before the kill";
  return text.str();
}

int KillBudget(int full) {
  const char* share = std::getenv("CLUSTERPILOT_KILL_SHARE");
  const int percent = share != nullptr ? std::atoi(share) : 100;
  return std::max(1, full * std::clamp(percent, 1, 100) / 100);
}

std::mt19937_64& KillRandom() {
  static std::mt19937_64 random(20261201);
  return random;
}

std::chrono::microseconds RandomKillMoment(std::chrono::microseconds full_run) {
  std::uniform_int_distribution<int64_t> moment(0, full_run.count());
  return std::chrono::microseconds(moment(KillRandom()));
}

std::string FirstDifference(const std::string& a, const std::string& b) {
  std::istringstream a_lines(a);
  std::istringstream b_lines(b);
  std::string a_line;
  std::string b_line;
  for (int line = 1;; ++line) {
    const bool a_more = static_cast<bool>(std::getline(a_lines, a_line));
    const bool b_more = static_cast<bool>(std::getline(b_lines, b_line));
    if (!a_more && !b_more) return "no difference";
    if (!a_more || !b_more || a_line != b_line) {
      return "line " + std::to_string(line) + ": \"" + (a_more ? a_line : "(end)") + "\" vs \"" +
             (b_more ? b_line : "(end)") + "\"";
    }
  }
}

std::map<std::string, std::string> FolderContents(const std::string& dir) {
  std::map<std::string, std::string> contents;
  std::error_code ignored;
  if (!fs::is_directory(dir, ignored)) return contents;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    contents[fs::relative(entry.path(), dir).string()] = ReadFile(entry.path().string());
  }
  return contents;
}

}  // namespace clusterpilot
