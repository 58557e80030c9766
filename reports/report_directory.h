// Puts a report folder in place all at once: everything is written into a
// fresh staging folder beside the destination, a manifest with the hash of
// every file is written last, and only then does the staging folder take
// the destination's place in one atomic step (renameat2 RENAME_EXCHANGE). A
// kill at any moment leaves the complete old report or the complete new one.
#ifndef CLUSTERPILOT_REPORTS_REPORT_DIRECTORY_H_
#define CLUSTERPILOT_REPORTS_REPORT_DIRECTORY_H_

#include <functional>
#include <string>

#include "core/error.h"

namespace clusterpilot {

// The report's figures for machines; every report has one.
inline constexpr const char* kReportMarkerFile = "report.json";

// Calls `write` with an empty staging folder inside out_dir's parent (created
// if missing), then writes the manifest (reports/report_manifest.h). When
// both succeed the staging folder becomes out_dir, replacing an earlier
// report there; otherwise the staging folder is removed and out_dir is
// untouched. Refuses (before calling `write`) an out_dir that is a file, or
// a non-empty folder that is not exactly a report this tool wrote; the error
// names the first file that is not part of one. Staging folders that killed
// runs left beside out_dir are removed first: they may hold patient ids;
// SIGINT, SIGTERM or SIGHUP while this runs removes the staging folder
// before the process dies of the signal (the handlers are put back after).
//
// Where the file system cannot exchange two folders (RENAME_EXCHANGE fails
// with EINVAL), out_dir becomes a symbolic link to a hidden sibling folder
// and each report swaps the link, which is atomic too; only the first
// swap of a real folder takes two renames.
Status PublishReportDirectory(const std::string& out_dir,
                              const std::function<Status(const std::string& staging)>& write);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REPORT_DIRECTORY_H_
