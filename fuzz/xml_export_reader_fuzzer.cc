// Fuzzes the XML export reader: Xerces-C SAX2 with the export schema, the
// DOCTYPE refusal and the attribute handling, on whatever bytes the fuzzer
// makes. One reader for the whole run, as the importer keeps one per run.
#include <cstdint>
#include <cstdlib>

#include "fuzz/fuzz_input_file.h"
#include "importers/xml_export_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto reader = clusterpilot::XmlExportReader::Create();
  if (!reader.ok()) std::abort();  // the compiled-in schema must load
  const std::string& path = clusterpilot::WriteFuzzInput(data, size, ".xml");
  (void)reader.value()->Read(path, "fuzz.xml", [](const auto&) { return true; });
  return 0;
}
