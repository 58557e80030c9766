// The list of files a report consists of, with the SHA-256 of each, written
// last into the report's folder. A folder whose files all appear in its
// manifest with unchanged contents is a report this tool wrote, which a new
// report may replace; anything else is someone's own files.
#ifndef CLUSTERPILOT_REPORTS_REPORT_MANIFEST_H_
#define CLUSTERPILOT_REPORTS_REPORT_MANIFEST_H_

#include <string>

#include "core/error.h"

namespace clusterpilot {

// In `sha256sum` format ("<64 hex digits>  <name>" per line), so a reader
// can check a report with `sha256sum -c manifest.sha256`.
inline constexpr const char* kReportManifestFile = "manifest.sha256";

// Hashes every regular file in `folder` (not descending into subfolders)
// and writes the manifest there. An error names the file that could not be
// read or written.
Status WriteReportManifest(const std::string& folder);

// Ok when `folder` holds a manifest and every other entry in it is a
// regular file the manifest lists with the same hash (files the manifest
// lists may be missing). Otherwise the error names the folder and the first
// entry (in name order) that is not part of the report, or that was changed.
Status VerifyReportManifest(const std::string& folder);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REPORT_MANIFEST_H_
