// Fuzzes the tariff file parser (cluster;low;expected;high, decimal comma).
#include <cstdint>

#include "fuzz/fuzz_input_file.h"
#include "reports/tariff_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)clusterpilot::ReadTariffTable(clusterpilot::WriteFuzzInput(data, size, ".csv"));
  return 0;
}
