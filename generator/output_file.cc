#include "generator/output_file.h"

#include <cerrno>
#include <cstring>

namespace clusterpilot {
namespace {

constexpr size_t kFlushAt = 1 << 20;

// `path: what: reason`, the reason taken from errno.
Error SystemError(const std::string& path, const std::string& what) {
  return FileError(path, what + ": " + std::strerror(errno));
}

}  // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return SystemError(path, "cannot be written");
  return std::unique_ptr<OutputFile>(new OutputFile(path, file));
}

OutputFile::OutputFile(std::string path, std::FILE* file) : path_(std::move(path)), file_(file) {
  buffer_.reserve(kFlushAt + 4096);
}

OutputFile::~OutputFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void OutputFile::MaybeFlush() {
  if (buffer_.size() >= kFlushAt) Flush();
}

void OutputFile::Flush() {
  if (!failed_ && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    failed_ = true;
  }
  buffer_.clear();
}

Status OutputFile::Close() {
  Flush();
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (failed_ || !closed) return SystemError(path_, "could not be written completely");
  return Status::Ok();
}

}  // namespace clusterpilot
