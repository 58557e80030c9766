#include "reports/report_manifest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "core/sha256.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

constexpr size_t kDigestLength = 64;
constexpr const char* kChooseAnother =
    "; nothing was changed; choose a new or empty folder for --out";

// The SHA-256 of a file's bytes, read in blocks; nullopt-like "" when it
// cannot be read.
std::string FileDigest(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "";
  Sha256 hash;
  std::vector<char> block(1 << 16);
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
    hash.Update(std::string_view(block.data(), static_cast<size_t>(in.gcount())));
  }
  return in.bad() ? "" : hash.HexDigest();
}

// The entries of `folder` by name, without the manifest itself.
std::vector<fs::directory_entry> EntriesByName(const fs::path& folder, std::error_code* error) {
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(folder, *error), end; !*error && it != end; it.increment(*error)) {
    if (it->path().filename() != kReportManifestFile) entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  return entries;
}

// Name -> digest from the manifest's lines; a line of another form makes
// the whole manifest unreadable (an empty map).
std::map<std::string, std::string> ReadManifest(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::map<std::string, std::string> digests;
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() <= kDigestLength + 2 || line.compare(kDigestLength, 2, "  ") != 0) return {};
    digests[line.substr(kDigestLength + 2)] = line.substr(0, kDigestLength);
  }
  return digests;
}

}  // namespace

Status WriteReportManifest(const std::string& folder) {
  std::error_code error;
  const std::vector<fs::directory_entry> entries = EntriesByName(folder, &error);
  if (error) return FileError(folder, "cannot be read: " + error.message());
  std::ostringstream manifest;
  for (const fs::directory_entry& entry : entries) {
    const std::string digest = FileDigest(entry.path());
    if (digest.empty()) return FileError(entry.path().string(), "cannot be read back");
    manifest << digest << "  " << entry.path().filename().string() << "\n";
  }
  const fs::path path = fs::path(folder) / kReportManifestFile;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << manifest.str();
  out.close();
  if (!out) return FileError(path.string(), "cannot be written");
  return Status::Ok();
}

Status VerifyReportManifest(const std::string& folder) {
  std::error_code error;
  const std::vector<fs::directory_entry> entries = EntriesByName(folder, &error);
  if (error) return FileError(folder, "cannot be read: " + error.message());
  const std::map<std::string, std::string> listed =
      ReadManifest(fs::path(folder) / kReportManifestFile);
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    const auto found = listed.find(name);
    if (found == listed.end() || !entry.is_regular_file(error) || entry.is_symlink(error)) {
      return FileError(folder, "holds \"" + name +
                                   "\", which is not part of a report clusterpilot wrote" +
                                   kChooseAnother);
    }
    if (FileDigest(entry.path()) != found->second) {
      return FileError(
          folder, "holds \"" + name + "\", changed since clusterpilot wrote it" + kChooseAnother);
    }
  }
  return Status::Ok();
}

}  // namespace clusterpilot
