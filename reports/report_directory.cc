#include "reports/report_directory.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "reports/report_manifest.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

// A run's own folders beside --out are named ".<out>.<kind>-<pid>-XXXXXX",
// so the next run can tell which ones a dead run left behind.
constexpr const char* kStagingKind = "partial";  // being written; may hold patient ids
constexpr const char* kAsideKind = "previous";   // the old report, on its way out
constexpr const char* kReportKind = "report";    // the report a symlinked --out points at
constexpr const char* kLinkKind = "link";        // the new symlink, before it replaces --out

std::string SiblingPrefix(const fs::path& target) { return "." + target.filename().string() + "."; }

std::string ErrnoText() { return std::error_code(errno, std::generic_category()).message(); }

// A new, empty folder of `kind` beside `target`.
Result<std::string> MakeSibling(const fs::path& target, const char* kind) {
  std::string pattern = (target.parent_path() / (SiblingPrefix(target) + kind + "-" +
                                                 std::to_string(getpid()) + "-XXXXXX"))
                            .string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return FileError(target.parent_path().string(), "cannot create a folder here: " + ErrnoText());
  }
  return pattern;
}

// The run that made a sibling, from its name; 0 when the name has no pid
// (folders of older versions, whose runs are long over).
pid_t MakerOf(const std::string& name, size_t prefix_length) {
  const size_t dash = name.find('-', prefix_length);
  if (dash == std::string::npos) return 0;
  return static_cast<pid_t>(std::strtol(name.c_str() + dash + 1, nullptr, 10));
}

bool IsRunning(pid_t pid) { return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM); }

void RemoveQuietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove_all(path, ignored);
}

// The sibling folder a symlinked --out points at; empty when --out is not
// such a link.
fs::path LinkedReport(const fs::path& target) {
  std::error_code error;
  if (!fs::is_symlink(target, error)) return {};
  const fs::path linked = fs::read_symlink(target, error);
  if (error || linked.has_parent_path() ||
      !linked.string().starts_with(SiblingPrefix(target) + kReportKind + "-")) {
    return {};
  }
  return target.parent_path() / linked;
}

// Removes what runs that were killed left beside `target`: staging folders
// (perhaps with the flagged-patient list), old reports set aside, unused
// links. Folders of runs still going, and the report --out links to, stay.
void RemoveLeftovers(const fs::path& target) {
  const std::string prefix = SiblingPrefix(target);
  const fs::path linked = LinkedReport(target);
  std::error_code error;
  for (fs::directory_iterator it(target.parent_path(), error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || it->path() == linked) continue;
    if (IsRunning(MakerOf(name, prefix.size()))) continue;
    RemoveQuietly(it->path());
  }
}

// The staging folder of this run, for the signal handler below; empty
// when there is none.
char g_staging[PATH_MAX];
constexpr int kCleanedSignals[] = {SIGINT, SIGTERM, SIGHUP};

// Ctrl-C (or a TERM or HUP) while the report is written must not leave the
// patient list behind: remove the staging folder's files and the folder,
// then die of the signal as before. Only async-signal-safe calls here
// (open, getdents64, unlinkat, rmdir, sigaction, raise): no allocation.
void RemoveStagingAndDie(int signal_number) {
  const int folder = open(g_staging, O_RDONLY | O_DIRECTORY);
  if (folder >= 0) {
    alignas(dirent64) char entries[4096];
    // Removing entries while reading them may skip some: read again from
    // the start until only "." and ".." are left.
    for (bool removed = true; removed;) {
      removed = false;
      lseek(folder, 0, SEEK_SET);
      for (ssize_t size; (size = getdents64(folder, entries, sizeof entries)) > 0;) {
        for (ssize_t at = 0; at < size;) {
          const auto* entry = reinterpret_cast<const dirent64*>(entries + at);
          at += entry->d_reclen;
          if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
          removed |= unlinkat(folder, entry->d_name, 0) == 0;
        }
      }
    }
    close(folder);
    rmdir(g_staging);
  }
  struct sigaction original = {};
  original.sa_handler = SIG_DFL;
  sigaction(signal_number, &original, nullptr);
  raise(signal_number);
}

// While it lives, a signal that ends the run removes `staging` first.
class StagingGuard {
 public:
  explicit StagingGuard(const std::string& staging) {
    if (staging.size() >= sizeof g_staging) return;
    std::memcpy(g_staging, staging.c_str(), staging.size() + 1);
    struct sigaction action = {};
    action.sa_handler = RemoveStagingAndDie;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(kCleanedSignals); ++i) {
      sigaction(kCleanedSignals[i], &action, &previous_[i]);
    }
    armed_ = true;
  }
  ~StagingGuard() {
    if (!armed_) return;
    for (size_t i = 0; i < std::size(kCleanedSignals); ++i) {
      sigaction(kCleanedSignals[i], &previous_[i], nullptr);
    }
    g_staging[0] = '\0';
  }
  StagingGuard(const StagingGuard&) = delete;
  StagingGuard& operator=(const StagingGuard&) = delete;

 private:
  struct sigaction previous_[std::size(kCleanedSignals)] = {};
  bool armed_ = false;
};

Status CheckReplaceable(const fs::path& target) {
  std::error_code error;
  if (!fs::exists(fs::symlink_status(target, error))) return Status::Ok();
  if (fs::is_symlink(target, error) && LinkedReport(target).empty()) {
    return FileError(target.string(),
                     "is a symbolic link clusterpilot did not make; choose another --out");
  }
  if (!fs::is_directory(target, error)) {
    return FileError(target.string(), "is a file, not a folder; choose another --out");
  }
  if (fs::is_empty(target, error)) return Status::Ok();
  return VerifyReportManifest(target.string());
}

// The fallback where folders cannot be exchanged: --out becomes a symlink
// to the new report, put in place by rename(2), which replaces a symlink
// atomically. A real folder at --out is first moved aside (the one moment
// without a report at --out, once per folder).
Status SwapLink(const fs::path& staging, const fs::path& target) {
  Result<std::string> report = MakeSibling(target, kReportKind);
  if (!report.ok()) return report.error();
  if (rename(staging.c_str(), report.value().c_str()) != 0) {
    RemoveQuietly(report.value());
    return FileError(target.string(), "cannot be put in place: " + ErrnoText());
  }
  const fs::path link = target.parent_path() /
                        (SiblingPrefix(target) + kLinkKind + "-" + std::to_string(getpid()) + "-0");
  RemoveQuietly(link);
  const fs::path old_report = LinkedReport(target);
  std::error_code error;
  fs::path aside;
  if (old_report.empty() && fs::exists(target, error)) {
    Result<std::string> made = MakeSibling(target, kAsideKind);
    if (made.ok()) aside = made.value();
    if (!made.ok() || rename(target.c_str(), aside.c_str()) != 0) {
      RemoveQuietly(report.value());
      return FileError(target.string(), "cannot be replaced: " + ErrnoText());
    }
  }
  if (symlink(fs::path(report.value()).filename().c_str(), link.c_str()) != 0 ||
      rename(link.c_str(), target.c_str()) != 0) {
    Status failed = FileError(target.string(), "cannot be put in place: " + ErrnoText());
    if (!aside.empty()) rename(aside.c_str(), target.c_str());
    RemoveQuietly(link);
    RemoveQuietly(report.value());
    return failed;
  }
  if (!old_report.empty()) RemoveQuietly(old_report);
  if (!aside.empty()) RemoveQuietly(aside);
  return Status::Ok();
}

// Makes the complete report at `staging` the one at `target` in one step;
// afterwards `staging` holds the old report, if any, for the caller to
// remove.
Status PutInPlace(const fs::path& staging, const fs::path& target) {
  struct stat status;
  if (lstat(target.c_str(), &status) != 0) {
    if (errno == ENOENT && rename(staging.c_str(), target.c_str()) == 0) return Status::Ok();
    return FileError(target.string(), "cannot be put in place: " + ErrnoText());
  }
  if (S_ISLNK(status.st_mode)) return SwapLink(staging, target);
  if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    return Status::Ok();
  }
  if (errno == EINVAL || errno == ENOSYS) return SwapLink(staging, target);
  return FileError(target.string(), "cannot be replaced: " + ErrnoText());
}

}  // namespace

Status PublishReportDirectory(const std::string& out_dir,
                              const std::function<Status(const std::string& staging)>& write) {
  const fs::path destination = fs::absolute(fs::path(out_dir)).lexically_normal();
  const fs::path target = destination.filename().empty() ? destination.parent_path() : destination;
  std::error_code error;
  fs::create_directories(target.parent_path(), error);
  if (error) {
    return FileError(target.parent_path().string(), "cannot be created: " + error.message());
  }
  RemoveLeftovers(target);
  Status replaceable = CheckReplaceable(target);
  if (!replaceable.ok()) return replaceable;
  Result<std::string> staging = MakeSibling(target, kStagingKind);
  if (!staging.ok()) return staging.error();
  const StagingGuard guard(staging.value());
  Status done = write(staging.value());
  if (done.ok()) done = WriteReportManifest(staging.value());
  if (done.ok()) done = PutInPlace(staging.value(), target);
  // On success this removes the old report, on failure the new one: no
  // staging folder outlives the run.
  RemoveQuietly(staging.value());
  return done;
}

}  // namespace clusterpilot
