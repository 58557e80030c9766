// The readers that take a path get the fuzzer's bytes through one file,
// rewritten for every input and removed when the process ends.
#ifndef CLUSTERPILOT_FUZZ_FUZZ_INPUT_FILE_H_
#define CLUSTERPILOT_FUZZ_FUZZ_INPUT_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace clusterpilot {

// Writes `data` to this process's input file (under TMPDIR, or /tmp) with
// `suffix` as its extension and returns its path. Aborts if it cannot write:
// a fuzzer that silently reads nothing would report clean runs.
const std::string& WriteFuzzInput(const uint8_t* data, size_t size, const char* suffix);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_FUZZ_FUZZ_INPUT_FILE_H_
