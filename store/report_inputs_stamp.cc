#include "store/report_inputs_stamp.h"

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr const char* kStamp =
    "SELECT (SELECT coalesce(max(id), 0) FROM import_batch), "
    "(SELECT coalesce(max(id), 0) FROM classification), "
    "(SELECT coalesce(max(id), 0) FROM clinician_override), "
    "(SELECT coalesce(max(id), 0) FROM cluster_model_use)";

}  // namespace

const char* ReportInputsStampQuery() { return kStamp; }

Result<std::string> ReportInputsStamp(Store& store) {
  SqlStatement select(store, kStamp);
  std::string stamp;
  if (select.Step()) {
    for (int part = 0; part < 4; ++part) {
      stamp += (part == 0 ? "" : ".") + std::to_string(select.Int(part));
    }
  }
  if (!select.status().ok()) return select.status().error();
  return stamp;
}

}  // namespace clusterpilot
