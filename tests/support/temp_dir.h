// Real files for tests: a fresh directory under the test temp dir, removed
// with everything in it when the object goes out of scope.
#ifndef CLUSTERPILOT_TESTS_SUPPORT_TEMP_DIR_H_
#define CLUSTERPILOT_TESTS_SUPPORT_TEMP_DIR_H_

#include <string>

namespace clusterpilot {

class ScopedTempDir {
 public:
  ScopedTempDir();
  ~ScopedTempDir();
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Writes `content` to `path` byte for byte.
void WriteFile(const std::string& path, const std::string& content);

// The whole file, byte for byte ("" when it cannot be read).
std::string ReadFile(const std::string& path);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_TEMP_DIR_H_
