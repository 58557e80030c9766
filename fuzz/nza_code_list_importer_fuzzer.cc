// Fuzzes the NZa code-list importer. One input holds the three tables
// (coefficients, constants, red rules) separated by form feeds, so the
// fuzzer can mutate all of them and their agreement with each other.
#include <cstdint>
#include <string>

#include "classifier/io/nza_code_list_importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string tables[3];
  int table = 0;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == '\f' && table < 2) {
      ++table;
    } else {
      tables[table] += static_cast<char>(data[i]);
    }
  }
  clusterpilot::NzaCodeLists lists{
      {"coefficients.csv", tables[0]}, {"constants.csv", tables[1]}, {"red-rules.csv", tables[2]}};
  (void)clusterpilot::ImportNzaCodeLists(lists, "fuzz", "1");
  return 0;
}
