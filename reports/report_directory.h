// Puts a report folder in place all at once: everything is written into a
// fresh folder beside the destination and renamed into place only when all
// files are complete, so a failure never leaves a half-written report.
#ifndef CLUSTERPILOT_REPORTS_REPORT_DIRECTORY_H_
#define CLUSTERPILOT_REPORTS_REPORT_DIRECTORY_H_

#include <functional>
#include <string>

#include "core/error.h"

namespace clusterpilot {

// The file whose presence marks a folder as a clusterpilot report, which a
// new report may replace.
inline constexpr const char* kReportMarkerFile = "report.json";

// Calls `write` with an empty staging folder inside out_dir's parent (created
// if missing). When `write` succeeds, the staging folder becomes out_dir,
// replacing an earlier report there; when it fails, the staging folder is
// removed and out_dir is untouched. Refuses an out_dir that is a file or a
// non-empty folder that is not a report, so no one's files are deleted.
Status PublishReportDirectory(const std::string& out_dir,
                              const std::function<Status(const std::string& staging)>& write);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REPORT_DIRECTORY_H_
