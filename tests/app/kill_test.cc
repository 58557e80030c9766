// Fault injection: the real binary killed with SIGKILL at many random
// moments during import, classify, override and report. After every kill the
// store passes `PRAGMA integrity_check` and holds exactly the state before
// the command or the state after it (every table compared); a report's --out
// folder holds the complete old report or the complete new one.
//
// Random moments on a small store mostly hit startup, so each command is
// also killed inside its page writes (strace's fault injection, SIGKILL at a
// random pwrite64). The moments come from one fixed seed; each test prints
// its kill counts. Stores are small so the whole file runs in well
// under a minute on a busy two-core machine.
#include <gtest/gtest.h>
#include <string.h>

#include <filesystem>
#include <functional>
#include <iostream>
#include <regex>

#include "reports/report_manifest.h"
#include "store/store.h"
#include "tests/app/kill_harness.h"
#include "tests/support/command_runner.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

// One command killed again and again on a fresh copy of one store.
struct KillPlan {
  std::string before_db;  // the store as it is before the command; never run on
  std::string work_db;    // the copy each run uses; `arguments` name it
  std::vector<std::string> arguments;
  int kills = 30;
  std::function<void()> reset = [] {};  // puts files outside the store back
  std::function<void()> check = [] {};  // checks them after each kill
};

// The store before and after one full run of the plan's command.
struct StoreStates {
  std::string before;
  std::string after;
};

// Checks what one run left and counts it; `run` names the run in messages.
void JudgeRun(const KillPlan& plan, const StoreStates& states, KillOutcome outcome,
              const std::string& run, KillTally* tally) {
  std::error_code no_wal;
  const bool mid_write = fs::file_size(plan.work_db + "-wal", no_wal) > 0 && !no_wal;
  EXPECT_EQ(IntegrityCheck(plan.work_db), "ok") << run;
  const std::string state = DumpStore(plan.work_db);
  if (outcome == KillOutcome::kFinished) {
    ++tally->finished;
    EXPECT_TRUE(state == states.after) << run << " ended by itself; against the state after, "
                                       << FirstDifference(state, states.after);
  } else if (state == states.before) {
    ++tally->killed_before;
    tally->mid_write += mid_write;
  } else {
    ++tally->killed_after;
    tally->mid_write += mid_write;
    EXPECT_TRUE(state == states.after)
        << run << " left a state that is neither before nor after; against the state after, "
        << FirstDifference(state, states.after);
  }
  plan.check();
}

// Kills at moments spread over the whole run (startup, reading, writing).
KillTally KillAtRandomMoments(const KillPlan& plan) {
  CopyStore(plan.before_db, plan.work_db);
  StoreStates states{DumpStore(plan.work_db), ""};
  plan.reset();
  // Runs vary in length on a busy machine: each run that ends before its
  // kill narrows the window a little, so few runs are wasted.
  std::chrono::microseconds window = TimeFullRun(plan.arguments);
  states.after = DumpStore(plan.work_db);
  EXPECT_NE(states.before, states.after) << "the command changed nothing: the test is void";

  KillTally tally;
  const int kills = KillBudget(plan.kills);
  for (int run = 0; run < kills * 3 && tally.kill_points() < kills; ++run) {
    CopyStore(plan.before_db, plan.work_db);
    plan.reset();
    const KillOutcome outcome = RunAndKillAfter(plan.arguments, RandomKillMoment(window));
    if (outcome == KillOutcome::kFinished) window = window * 9 / 10;
    JudgeRun(plan, states, outcome, "run " + std::to_string(run), &tally);
    if (testing::Test::HasFailure()) break;  // one clear failure, not thirty
  }
  EXPECT_EQ(tally.kill_points(), kills) << tally.ToString();
  return tally;
}

// Kills inside SQLite's writes: at a random one of the `pwrite64` calls a
// full run makes (page writes to the WAL and the database). Random moments
// rarely land there because a small store is written in milliseconds.
// Skipped (zero kills) where strace cannot trace.
KillTally KillAtRandomWrites(const KillPlan& plan, int kills) {
  KillTally tally;
  if (!StraceWorks()) return tally;
  CopyStore(plan.before_db, plan.work_db);
  StoreStates states{DumpStore(plan.work_db), ""};
  plan.reset();
  const int writes = CountSyscalls(plan.arguments, "pwrite64");
  states.after = DumpStore(plan.work_db);
  EXPECT_GT(writes, 0);
  if (writes <= 0) return tally;
  std::uniform_int_distribution<int> pick(1, writes);
  for (int run = 0; run < KillBudget(kills); ++run) {
    CopyStore(plan.before_db, plan.work_db);
    plan.reset();
    const int at = pick(KillRandom());
    const KillOutcome outcome = RunKilledAtSyscall(plan.arguments, "pwrite64", at);
    JudgeRun(plan, states, outcome, "write " + std::to_string(at) + " of " + std::to_string(writes),
             &tally);
    if (testing::Test::HasFailure()) break;
  }
  return tally;
}

class KillTest : public testing::Test {
 protected:
  // A generated export of a small institution: a few thousand measurements,
  // enough that writing them takes a while, small enough to run 30 times.
  void SetUp() override {
    ASSERT_EQ(RunClusterpilot({"generate", "--patients", "300", "--months", "3", "--seed", "11",
                               "--end-month", "2026-09", "--out", export_csv_})
                  .exit_code,
              0);
  }

  // The store after importing the export, then (optionally) classifying it.
  void MakeStore(bool classified) {
    CommandOutcome imported = RunClusterpilot({"import", "--db", base_db_, export_csv_});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    if (!classified) return;
    CommandOutcome classify = RunClusterpilot({"classify", "--db", base_db_, "--by", "fin01"});
    ASSERT_EQ(classify.exit_code, 0) << classify.err;
  }

  // The random moments, then kills inside the writes; prints both counts.
  static void KillBothWays(const std::string& command, const KillPlan& plan) {
    const KillTally moments = KillAtRandomMoments(plan);
    std::cout << "[ kills    ] " << command << " at random moments: " << moments.ToString()
              << std::endl;
    if (testing::Test::HasFailure()) return;
    const KillTally writes = KillAtRandomWrites(plan, kKillsInWrites);
    std::cout << "[ kills    ] " << command << " at random writes: "
              << (StraceWorks() ? writes.ToString() : "skipped, strace cannot trace here")
              << std::endl;
  }

  static constexpr int kKillsInWrites = 8;

  ScopedTempDir dir_;
  const std::string export_csv_ = dir_.File("export.csv");
  const std::string base_db_ = dir_.File("base.db");
  const std::string work_db_ = dir_.File("work.db");
};

TEST_F(KillTest, ImportKilledAtRandomMomentsAndWritesLeavesTheStoreBeforeOrAfter) {
  // The store already holds a small import, so "before" is not empty.
  WriteFile(dir_.File("first.csv"), ReadFile(export_csv_).substr(0, 2000));
  CommandOutcome first = RunClusterpilot({"import", "--db", base_db_, dir_.File("first.csv")});
  ASSERT_LE(first.exit_code, 1) << first.err;  // the cut last row may be rejected
  KillBothWays("import", {.before_db = base_db_,
                          .work_db = work_db_,
                          .arguments = {"import", "--db", work_db_, "--by", "fin01", export_csv_},
                          .kills = 20});
}

// Into a store without measurements the import writes through SQLite's
// rollback journal, not the WAL (Store::LeaveWalForBulkWrite): killed
// anywhere, it leaves the empty store or the whole import, and the next
// open puts the store back in WAL.
TEST_F(KillTest, FirstImportKilledAtRandomMomentsAndWritesLeavesTheStoreEmptyOrWhole) {
  {
    auto created = Store::Open(base_db_);  // the schema, and no measurements
    ASSERT_TRUE(created.ok()) << created.error().ToString();
  }
  KillBothWays(
      "first import",
      {.before_db = base_db_,
       .work_db = work_db_,
       .arguments = {"import", "--db", work_db_, "--by", "fin01", export_csv_},
       .kills = 20,
       .check = [this] { EXPECT_EQ(FirstSqliteValue(work_db_, "PRAGMA journal_mode"), "wal"); }});
}

TEST_F(KillTest, ClassifyKilledAtRandomMomentsAndWritesLeavesTheStoreBeforeOrAfter) {
  MakeStore(/*classified=*/false);
  // A store's first classify writes through the rollback journal
  // (Store::LeaveWalForBulkWrite); killed or not, the store is back in WAL.
  KillBothWays("classify", {.before_db = base_db_,
                            .work_db = work_db_,
                            .arguments = {"classify", "--db", work_db_, "--by", "fin01"},
                            .check = [this] {
                              EXPECT_EQ(FirstSqliteValue(work_db_, "PRAGMA journal_mode"), "wal");
                            }});
}

TEST_F(KillTest, OverrideKilledAtRandomMomentsAndWritesLeavesTheStoreBeforeOrAfter) {
  MakeStore(/*classified=*/true);
  KillBothWays("override",
               {.before_db = base_db_,
                .work_db = work_db_,
                .arguments = {"override", "--db", work_db_, "--measurement", "7", "--cluster", "12",
                              "--reason", "second opinion", "--by", "dr.kill"}});
}

// A report's files compared as a reader would: text byte for byte except the
// time it was generated; the XLSX (a zip that embeds the time) only for
// being complete, i.e. ending in the zip's end-of-directory record; the
// manifest (hashes over those times) for matching every file it lists.
std::map<std::string, std::string> Comparable(const std::string& folder) {
  std::map<std::string, std::string> files = FolderContents(folder);
  static const std::regex kTimestamp("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  for (auto& [name, bytes] : files) {
    if (name == kReportManifestFile) {
      const Status verified = VerifyReportManifest(folder);
      bytes = verified.ok() ? "a manifest that verifies" : verified.error().ToString();
    } else if (name.ends_with(".xlsx")) {
      const bool complete =
          bytes.size() >= 22 && bytes.rfind("PK\x05\x06", bytes.size() - 22) != std::string::npos;
      bytes = complete ? "a complete zip" : "a truncated zip";
    } else {
      bytes = std::regex_replace(bytes, kTimestamp, "TIME");
    }
  }
  return files;
}

// Issue #10 asks for at least 100 kills of `report`: 40 at random moments,
// 8 in its SQLite writes and 60 at random file-system calls, about a
// minute on a busy two-core machine.
constexpr int kReportKillsAtMoments = 40;
constexpr int kReportKillsAtCalls = 60;

class ReportKillTest : public KillTest {
 protected:
  void SetUp() override {
    KillTest::SetUp();
    MakeStore(/*classified=*/true);
    // The old report (August) at --out, kept aside as the pristine copy.
    ASSERT_EQ(Report(base_db_, old_report_, "2026-08").exit_code, 0);
    old_ = Comparable(old_report_);
    ASSERT_FALSE(old_.empty());
  }

  CommandOutcome Report(const std::string& db, const std::string& out, const std::string& month) {
    return RunClusterpilot(ReportArguments(db, out, month));
  }

  std::vector<std::string> ReportArguments(const std::string& db, const std::string& out,
                                           const std::string& month) {
    return {"report", "--db",  db,  "--month", month,   "--tariffs",
            tariffs_, "--out", out, "--by",    "fin01", "--with-patient-list"};
  }

  void PutOldReportBack() {
    fs::remove_all(out_);
    fs::copy(old_report_, out_, fs::copy_options::recursive);
  }

  // Folders beside --out that a run made for itself and left behind.
  std::vector<std::string> StagingLeftovers() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(".out.")) names.push_back(name);
    }
    return names;
  }

  void RemoveStagingLeftovers() {
    for (const std::string& name : StagingLeftovers()) fs::remove_all(dir_.File(name));
  }

  // What issue #10 item 4 asks: --out holds the complete old or new report.
  void ExpectOldOrNewReport(const std::map<std::string, std::string>& new_report,
                            const std::string& when) {
    const auto now = Comparable(out_);
    EXPECT_TRUE(now == old_ || now == new_report)
        << when << ": --out holds " << now.size() << " files, neither the old report ("
        << old_.size() << " files) nor the new one (" << new_report.size() << ")";
  }

  // What issue #10 item 4 asks too: no staging folder (the patient list in
  // it) outlives the next run, which ends with the new report in place.
  void ExpectTheNextRunRemovesLeftovers() {
    CopyStore(base_db_, work_db_);
    CommandOutcome next = Report(work_db_, out_, "2026-09");
    ASSERT_EQ(next.exit_code, 0) << next.err;
    EXPECT_EQ(StagingLeftovers(), std::vector<std::string>{});
    const Status verified = VerifyReportManifest(out_);
    EXPECT_TRUE(verified.ok()) << verified.error().ToString();
  }

  const std::string tariffs_ = std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/demo_tariffs.csv";
  const std::string old_report_ = dir_.File("old-report");
  const std::string out_ = dir_.File("out");
  std::map<std::string, std::string> old_;
};

TEST_F(ReportKillTest, ReportKilledAtRandomMomentsAndWritesLeavesTheOldOrTheNewReport) {
  // The new report (September), for comparison.
  ASSERT_EQ(Report(base_db_, dir_.File("new-report"), "2026-09").exit_code, 0);
  const auto new_report = Comparable(dir_.File("new-report"));
  ASSERT_NE(new_report, old_);
  int leftovers = 0;
  KillBothWays("report", {.before_db = base_db_,
                          .work_db = work_db_,
                          .arguments = ReportArguments(work_db_, out_, "2026-09"),
                          .kills = kReportKillsAtMoments,
                          // Staging folders stay from run to run: each run
                          // must remove what the killed ones left.
                          .reset = [&] { PutOldReportBack(); },
                          .check =
                              [&] {
                                ExpectOldOrNewReport(new_report, "after a kill");
                                leftovers += !StagingLeftovers().empty();
                              }});
  std::cout << "[ kills    ] report: " << leftovers << " kills left a staging folder beside --out"
            << std::endl;
  ExpectTheNextRunRemovesLeftovers();
}

// Renames as strace names them: std::filesystem::rename may use any.
constexpr char kRenames[] = "rename,renameat,renameat2";

// Issue #10 item 4: a kill between the two renames that once replaced the
// old report left no report at --out; the replacement is now one exchange.
TEST_F(ReportKillTest, KilledAtEachRenameLeavesTheOldOrTheNewReport) {
  if (!StraceWorks()) GTEST_SKIP() << "strace cannot trace processes here";
  ASSERT_EQ(Report(base_db_, dir_.File("new-report"), "2026-09").exit_code, 0);
  const auto new_report = Comparable(dir_.File("new-report"));
  for (int kill_at = 1; kill_at <= 4; ++kill_at) {
    CopyStore(base_db_, work_db_);
    RemoveStagingLeftovers();
    PutOldReportBack();
    RunKilledAtSyscall(ReportArguments(work_db_, out_, "2026-09"), kRenames, kill_at);
    EXPECT_EQ(IntegrityCheck(work_db_), "ok");
    ExpectOldOrNewReport(new_report, "killed at rename " + std::to_string(kill_at));
  }
}

// Issue #10 item 4: a staging folder (here one holding the flagged-patient
// list) must not outlive the next run.
TEST_F(ReportKillTest, StagingFoldersDoNotOutliveTheNextRun) {
  if (!StraceWorks()) GTEST_SKIP() << "strace cannot trace processes here";
  PutOldReportBack();
  ASSERT_EQ(RunKilledAtSyscall(ReportArguments(base_db_, out_, "2026-09"), kRenames, 1),
            KillOutcome::kKilled);
  ASSERT_FALSE(StagingLeftovers().empty()) << "the kill left no staging folder to clean up";
  ASSERT_EQ(Report(base_db_, out_, "2026-09").exit_code, 0);
  EXPECT_EQ(StagingLeftovers(), std::vector<std::string>{});
}

// Ctrl-C (SIGINT) or a TERM while the report is written: the run removes
// its staging folder (the patient list in it) before it dies, without
// waiting for a next run; --out holds the old or the new report.
TEST_F(ReportKillTest, InterruptedWhileWritingRemovesItsStagingFolderAtOnce) {
  if (!StraceWorks()) GTEST_SKIP() << "strace cannot trace processes here";
  ASSERT_EQ(Report(base_db_, dir_.File("new-report"), "2026-09").exit_code, 0);
  const auto new_report = Comparable(dir_.File("new-report"));
  const struct {
    int signal;
    const char* syscall;
    int at;
  } moments[] = {{SIGINT, "write", 1},
                 {SIGTERM, "write", 20},
                 {SIGINT, "write", 40},
                 {SIGHUP, "unlink", 1},
                 {SIGTERM, "renameat2", 1}};
  for (const auto& moment : moments) {
    const std::string when = std::string(sigabbrev_np(moment.signal)) + " at " + moment.syscall +
                             " " + std::to_string(moment.at);
    CopyStore(base_db_, work_db_);
    PutOldReportBack();
    EXPECT_EQ(RunKilledAtSyscall(ReportArguments(work_db_, out_, "2026-09"), moment.syscall,
                                 moment.at, moment.signal),
              KillOutcome::kKilled)
        << when;
    EXPECT_EQ(StagingLeftovers(), std::vector<std::string>{}) << when;
    ExpectOldOrNewReport(new_report, when);
  }
}

// The file-system calls of a report run, as strace names them: creating the
// staging folder, writing its files, exchanging it with --out, removing the
// old report, and the same at startup (libraries, the store).
const std::vector<std::string> kFolderSteps = {"openat",    "write",  "mkdir",    "rename",
                                               "renameat2", "unlink", "unlinkat", "rmdir"};

// One moment of a run: its `at`-th call of `syscall`.
struct SyscallMoment {
  std::string syscall;
  int at;
};

// Every call of `syscalls` a full run makes, so kills can be spread over
// them uniformly.
std::vector<SyscallMoment> SyscallMoments(const std::vector<std::string>& arguments,
                                          const std::vector<std::string>& syscalls) {
  std::vector<SyscallMoment> moments;
  for (const std::string& syscall : syscalls) {
    const int calls = CountSyscalls(arguments, syscall);
    for (int at = 1; at <= calls; ++at) moments.push_back({syscall, at});
  }
  return moments;
}

// Issue #10 "must show": kills of `report` at random moments including
// between the renames. Random moments in time rarely land in the last
// milliseconds where the report is put in place; these land on a random
// file-system call of the whole run, publishing included.
TEST_F(ReportKillTest, ReportKilledAtRandomFileSystemCallsLeavesTheOldOrTheNewReport) {
  if (!StraceWorks()) GTEST_SKIP() << "strace cannot trace processes here";
  ASSERT_EQ(Report(base_db_, dir_.File("new-report"), "2026-09").exit_code, 0);
  const auto new_report = Comparable(dir_.File("new-report"));
  CopyStore(base_db_, work_db_);
  PutOldReportBack();
  const std::vector<std::string> arguments = ReportArguments(work_db_, out_, "2026-09");
  const std::vector<SyscallMoment> moments = SyscallMoments(arguments, kFolderSteps);
  ASSERT_GT(moments.size(), 100u);
  std::uniform_int_distribution<size_t> pick(0, moments.size() - 1);
  int killed = 0;
  int exchanges = 0;
  for (int run = 0; run < KillBudget(kReportKillsAtCalls); ++run) {
    CopyStore(base_db_, work_db_);
    PutOldReportBack();
    const SyscallMoment moment = moments[pick(KillRandom())];
    const std::string when = moment.syscall + " " + std::to_string(moment.at);
    killed += RunKilledAtSyscall(arguments, moment.syscall, moment.at) == KillOutcome::kKilled;
    exchanges += moment.syscall == "renameat2";
    EXPECT_EQ(IntegrityCheck(work_db_), "ok") << when;
    ExpectOldOrNewReport(new_report, "killed at " + when);
    if (HasFailure()) break;
  }
  std::cout << "[ kills    ] report at random file-system calls (of " << moments.size()
            << "): " << killed << " killed, " << exchanges << " at the exchange" << std::endl;
  ExpectTheNextRunRemovesLeftovers();
}

}  // namespace
}  // namespace clusterpilot
