#include "reports/report_directory.h"

#include <stdlib.h>

#include <filesystem>

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

// A new, empty folder named after `destination` in `parent`.
Result<std::string> MakeSibling(const fs::path& parent, const fs::path& destination,
                                const std::string& purpose) {
  std::string pattern =
      (parent / ("." + destination.filename().string() + "." + purpose + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return FileError(parent.string(),
                     "cannot create a folder here: " +
                         std::error_code(errno, std::generic_category()).message());
  }
  return pattern;
}

Status CheckReplaceable(const fs::path& destination) {
  std::error_code error;
  if (!fs::exists(destination, error)) return Status::Ok();
  if (!fs::is_directory(destination, error)) {
    return FileError(destination.string(), "is a file, not a folder; choose another --out");
  }
  if (fs::is_empty(destination, error) || fs::exists(destination / kReportMarkerFile, error)) {
    return Status::Ok();
  }
  return FileError(destination.string(),
                   "holds other files and is not an earlier report; choose a new or empty "
                   "folder for --out");
}

void RemoveQuietly(const std::string& path) {
  std::error_code ignored;
  fs::remove_all(path, ignored);
}

}  // namespace

Status PublishReportDirectory(const std::string& out_dir,
                              const std::function<Status(const std::string& staging)>& write) {
  const fs::path destination = fs::absolute(fs::path(out_dir)).lexically_normal();
  const fs::path target = destination.filename().empty() ? destination.parent_path() : destination;
  Status replaceable = CheckReplaceable(target);
  if (!replaceable.ok()) return replaceable;
  std::error_code error;
  fs::create_directories(target.parent_path(), error);
  if (error)
    return FileError(target.parent_path().string(), "cannot be created: " + error.message());
  Result<std::string> staging = MakeSibling(target.parent_path(), target, "partial");
  if (!staging.ok()) return staging.error();
  Status written = write(staging.value());
  if (!written.ok()) {
    RemoveQuietly(staging.value());
    return written;
  }
  std::string previous;
  if (fs::exists(target, error)) {
    Result<std::string> aside = MakeSibling(target.parent_path(), target, "previous");
    if (!aside.ok()) {
      RemoveQuietly(staging.value());
      return aside.error();
    }
    previous = aside.value();
    fs::remove(previous, error);  // rename needs the name free
    fs::rename(target, previous, error);
    if (error) {
      RemoveQuietly(staging.value());
      return FileError(target.string(), "cannot be replaced: " + error.message());
    }
  }
  fs::rename(staging.value(), target, error);
  if (error) {
    if (!previous.empty()) fs::rename(previous, target, error);
    RemoveQuietly(staging.value());
    return FileError(target.string(), "cannot be put in place: " + error.message());
  }
  if (!previous.empty()) RemoveQuietly(previous);
  return Status::Ok();
}

}  // namespace clusterpilot
