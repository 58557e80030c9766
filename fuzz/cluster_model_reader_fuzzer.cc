// Fuzzes the cluster model reader: schema validation, then compiling the
// model (cluster references, red rules, thresholds).
#include <cstdint>
#include <string_view>

#include "classifier/io/cluster_model_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  (void)clusterpilot::ReadClusterModel(xml, "fuzz-model.xml");
  return 0;
}
