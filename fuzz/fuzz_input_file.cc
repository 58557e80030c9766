#include "fuzz/fuzz_input_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace clusterpilot {
namespace {

std::string InputPath(const char* suffix) {
  const char* tmp = std::getenv("TMPDIR");
  return std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/clusterpilot-fuzz-" +
         std::to_string(getpid()) + suffix;
}

}  // namespace

const std::string& WriteFuzzInput(const uint8_t* data, size_t size, const char* suffix) {
  static const std::string path = InputPath(suffix);
  // Removed at exit so a long run leaves no file per process behind.
  static const bool registered = [] {
    return std::atexit([] { std::remove(path.c_str()); }) == 0;
  }();
  (void)registered;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr || std::fwrite(data, 1, size, file) != size || std::fclose(file) != 0) {
    std::perror(path.c_str());
    std::abort();
  }
  return path;
}

}  // namespace clusterpilot
