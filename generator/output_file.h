// A file written front to back through a large buffer: the export writers
// produce a million lines in seconds, so each line must cost one memcpy, not
// one system call.
#ifndef CLUSTERPILOT_GENERATOR_OUTPUT_FILE_H_
#define CLUSTERPILOT_GENERATOR_OUTPUT_FILE_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

class OutputFile {
 public:
  // Creates (or truncates) `path`. Errors name the path and the reason.
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void Append(std::string_view text) {
    buffer_.append(text);
    MaybeFlush();
  }
  void Append(char c) { buffer_.push_back(c); }  // the next Append(text) flushes

  // Writes what is buffered and closes the file; a full disk shows here.
  Status Close();

  const std::string& path() const { return path_; }

 private:
  OutputFile(std::string path, std::FILE* file);
  void MaybeFlush();
  void Flush();

  std::string path_;
  std::FILE* file_;
  std::string buffer_;
  bool failed_ = false;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_OUTPUT_FILE_H_
