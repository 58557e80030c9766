// Fuzzes the CSV export reader: dialect detection, header mapping, libcsv
// quoting and text decoding, on whatever bytes the fuzzer makes.
#include <cstdint>

#include "fuzz/fuzz_input_file.h"
#include "importers/csv_export_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = clusterpilot::WriteFuzzInput(data, size, ".csv");
  auto reader = clusterpilot::CsvExportReader::Open(path, "fuzz.csv");
  if (!reader.ok()) return 0;
  (void)reader.value()->ReadRows([](const auto&, const auto&) { return true; });
  return 0;
}
