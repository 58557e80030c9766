// One measurement as a reader found it in a file, before any checking: the
// text of each field, the line it came from, and what the reader itself
// already found wrong (bad text encoding, too many columns).
#ifndef CLUSTERPILOT_IMPORTERS_RAW_MEASUREMENT_H_
#define CLUSTERPILOT_IMPORTERS_RAW_MEASUREMENT_H_

#include <array>
#include <string>
#include <vector>

#include "importers/export_field.h"

namespace clusterpilot {

// Why one row could not be stored: the field as the file names it (empty for
// a problem with the whole row), the value as written, and the reason in
// words for the person fixing the file.
struct RowProblem {
  int line = 0;
  std::string field;
  std::string value;
  std::string reason;
};

struct RawMeasurement {
  int line = 0;  // where the record starts in the file, 1-based
  std::array<std::string, kExportFieldCount> values;  // UTF-8; "" when absent
  std::vector<RowProblem> problems;

  void Clear() {
    for (std::string& value : values) value.clear();
    problems.clear();
  }
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_RAW_MEASUREMENT_H_
