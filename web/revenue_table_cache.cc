#include "web/revenue_table_cache.h"

#include <system_error>
#include <utility>

namespace clusterpilot {

Result<SharedRevenueTable> RevenueTableCache::Table(const std::string& path,
                                                    const DepartmentDirectory& departments) {
  std::error_code error;
  FileVersion version{path, std::filesystem::last_write_time(path, error), 0};
  if (!error) version.size = std::filesystem::file_size(path, error);
  // A file that cannot be looked at is left to ReadRevenueTable, whose
  // error says why; nothing is kept for it.
  const bool known_version = !error;
  if (known_version) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (table_ != nullptr && version_ == version) return table_;
  }
  // Read outside the lock: two first requests may both read, and either
  // result is right.
  Result<RevenueTable> read = ReadRevenueTable(path, departments);
  if (!read.ok()) return read.error();
  auto shared = std::make_shared<const RevenueTable>(std::move(read.value()));
  if (known_version) {
    std::lock_guard<std::mutex> lock(mutex_);
    version_ = std::move(version);
    table_ = shared;
  }
  return SharedRevenueTable(shared);
}

}  // namespace clusterpilot
