// An export that arrives as a stream: standard input ("-"), a pipe such as
// /dev/stdin, a FIFO or a device. A stream can be read only once, and the
// importer needs its hash before it stores anything (to recognise content
// imported before), so the stream is copied to a private temporary file
// (mode 0600, removed again) while its hash is computed, and the copy is
// read like any file. A stream may never end (/dev/zero, `yes`): the copy
// is bounded, and a stream that starts with NUL bytes is refused at once.
#ifndef CLUSTERPILOT_IMPORTERS_SPOOLED_INPUT_H_
#define CLUSTERPILOT_IMPORTERS_SPOOLED_INPUT_H_

#include <cstdint>
#include <memory>
#include <string>

#include "core/error.h"

namespace clusterpilot {

class SpooledInput {
 public:
  // True for "-" and for anything that is not a regular file.
  static bool IsStream(const std::string& path);

  // Reads `path` ("-": standard input) to its end into a temporary file,
  // hashing as it goes. Fails, leaving nothing behind, when the stream
  // cannot be read, holds a NUL byte in its first 4 KB, or passes
  // `max_bytes`; errors name `display_name`.
  static Result<std::unique_ptr<SpooledInput>> Copy(const std::string& path,
                                                    const std::string& display_name,
                                                    uint64_t max_bytes);
  ~SpooledInput();  // removes the copy
  SpooledInput(const SpooledInput&) = delete;
  SpooledInput& operator=(const SpooledInput&) = delete;

  const std::string& path() const { return path_; }
  const std::string& content_hash() const { return content_hash_; }

 private:
  SpooledInput(std::string path, std::string content_hash)
      : path_(std::move(path)), content_hash_(std::move(content_hash)) {}

  std::string path_;
  std::string content_hash_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_SPOOLED_INPUT_H_
