// Fuzzes the revenue file parser (patient;department;month;amount) against
// a fixed set of known departments.
#include <cstdint>

#include "fuzz/fuzz_input_file.h"
#include "reports/revenue_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const clusterpilot::DepartmentDirectory departments =
      clusterpilot::FixedDepartments({"Psychosezorg", "Angst en stemming", "Verslavingszorg"});
  (void)clusterpilot::ReadRevenueTable(clusterpilot::WriteFuzzInput(data, size, ".csv"),
                                       departments);
  return 0;
}
