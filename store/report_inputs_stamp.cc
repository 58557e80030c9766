#include "store/report_inputs_stamp.h"

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr const char* kStamp =
    "SELECT (SELECT coalesce(max(id), 0) FROM import_batch), "
    "(SELECT coalesce(max(id), 0) FROM classification), "
    "(SELECT coalesce(max(id), 0) FROM clinician_override)";

}  // namespace

const char* ReportInputsStampQuery() { return kStamp; }

Result<std::string> ReportInputsStamp(Store& store) {
  SqlStatement select(store, kStamp);
  std::string stamp;
  if (select.Step()) {
    stamp = std::to_string(select.Int(0)) + "." + std::to_string(select.Int(1)) + "." +
            std::to_string(select.Int(2));
  }
  if (!select.status().ok()) return select.status().error();
  return stamp;
}

}  // namespace clusterpilot
