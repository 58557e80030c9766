// The revenue file of the due page (serve.revenue), read once and kept
// while the file stays the same: the same path, modification time and size.
// A revenue file is a year of billing rows (megabytes); the due page needs
// it on every request to leave out discharged patients.
//
// The file's departments are checked against the store's when it is read;
// a kept table is not checked again, and a file the check refused is not
// kept (it is read again, and refused again, until it is fixed).
// Thread-safe; tables are shared read-only between the requests using them.
#ifndef CLUSTERPILOT_WEB_REVENUE_TABLE_CACHE_H_
#define CLUSTERPILOT_WEB_REVENUE_TABLE_CACHE_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "core/error.h"
#include "reports/revenue_table.h"

namespace clusterpilot {

using SharedRevenueTable = std::shared_ptr<const RevenueTable>;

class RevenueTableCache {
 public:
  RevenueTableCache() = default;
  RevenueTableCache(const RevenueTableCache&) = delete;
  RevenueTableCache& operator=(const RevenueTableCache&) = delete;

  // The table of the file at `path`, read (ReadRevenueTable) when it is not
  // kept yet or the file changed since; errors as ReadRevenueTable's.
  Result<SharedRevenueTable> Table(const std::string& path, const DepartmentDirectory& departments);

 private:
  struct FileVersion {
    std::string path;
    std::filesystem::file_time_type modified;
    uintmax_t size = 0;
    bool operator==(const FileVersion&) const = default;
  };

  std::mutex mutex_;
  FileVersion version_;
  SharedRevenueTable table_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_REVENUE_TABLE_CACHE_H_
