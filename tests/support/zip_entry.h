// One file from inside a zip archive, such as a sheet of the report's XLSX.
#ifndef CLUSTERPILOT_TESTS_SUPPORT_ZIP_ENTRY_H_
#define CLUSTERPILOT_TESTS_SUPPORT_ZIP_ENTRY_H_

#include <string>

namespace clusterpilot {

// The content of entry `name` of the zip file at `path`; "" when there is none.
std::string ZipEntry(const std::string& path, const std::string& name);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_ZIP_ENTRY_H_
