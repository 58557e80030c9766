#include "importers/spooled_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/sha256.h"

namespace clusterpilot {
namespace {

constexpr size_t kBlockSize = 1 << 16;
constexpr size_t kSniffedBytes = 4096;

Error StreamError(const std::string& display_name, std::string message) {
  Error error;
  error.file = display_name;
  error.message = std::move(message);
  return error;
}

std::string SizeText(uint64_t bytes) {
  if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(bytes) + " bytes";
}

// Closes a file descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd, bool owned = true) : fd_(fd), owned_(owned) {}
  ~Descriptor() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
  bool owned_;
};

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

// Copies `in` to `out` while hashing; the error message, or "" when done.
std::string CopyStream(int in, int out, uint64_t max_bytes, Sha256* hash) {
  std::vector<char> block(kBlockSize);
  uint64_t total = 0;
  while (true) {
    const ssize_t read = ::read(in, block.data(), block.size());
    if (read < 0 && errno == EINTR) continue;
    if (read < 0) return std::string("cannot be read: ") + std::strerror(errno);
    if (read == 0) return "";
    if (total < kSniffedBytes) {
      const size_t sniffed = std::min<size_t>(static_cast<size_t>(read), kSniffedBytes - total);
      const void* nul = std::memchr(block.data(), '\0', sniffed);
      if (nul != nullptr) {
        return "holds a NUL byte (at byte " +
               std::to_string(total + 1 + (static_cast<const char*>(nul) - block.data())) +
               "); a CSV or XML export holds none (is this a device such as /dev/zero?)";
      }
    }
    total += static_cast<uint64_t>(read);
    if (total > max_bytes) {
      return "is longer than " + SizeText(max_bytes) +
             ", the limit for an import from standard input, a pipe or a device (setting "
             "import.max_stream_mb); save it to a file and import the file";
    }
    hash->Update(std::string_view(block.data(), static_cast<size_t>(read)));
    if (!WriteAll(out, block.data(), static_cast<size_t>(read))) {
      return std::string("cannot be copied to a temporary file: ") + std::strerror(errno);
    }
  }
}

}  // namespace

bool SpooledInput::IsStream(const std::string& path) {
  if (path == "-") return true;
  struct stat status {};
  return ::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode);
}

Result<std::unique_ptr<SpooledInput>> SpooledInput::Copy(const std::string& path,
                                                         const std::string& display_name,
                                                         uint64_t max_bytes) {
  const bool standard_input = path == "-";
  Descriptor in(standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC),
                !standard_input);
  if (in.get() < 0) {
    return StreamError(display_name, std::string("cannot be read: ") + std::strerror(errno));
  }
  std::error_code ignored;
  std::string copy_path =
      (std::filesystem::temp_directory_path(ignored) / "clusterpilot-import-XXXXXX").string();
  Descriptor out(::mkstemp(copy_path.data()));  // mode 0600
  if (out.get() < 0) {
    return StreamError(
        display_name, std::string("cannot be copied to a temporary file: ") + std::strerror(errno));
  }
  Sha256 hash;
  const std::string problem = CopyStream(in.get(), out.get(), max_bytes, &hash);
  if (!problem.empty()) {
    ::unlink(copy_path.c_str());
    return StreamError(display_name, problem);
  }
  return std::unique_ptr<SpooledInput>(new SpooledInput(copy_path, hash.HexDigest()));
}

SpooledInput::~SpooledInput() { ::unlink(path_.c_str()); }

}  // namespace clusterpilot
