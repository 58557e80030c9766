#include "tests/support/zip_entry.h"

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <fstream>
#include <sstream>

namespace clusterpilot {

std::string ZipEntry(const std::string& path, const std::string& name) {
  std::ifstream file(path, std::ios::binary);
  Poco::Zip::ZipArchive archive(file);
  auto header = archive.findHeader(name);
  if (header == archive.headerEnd()) return "";
  file.clear();
  file.seekg(0);
  Poco::Zip::ZipInputStream entry(file, header->second);
  std::stringstream content;
  content << entry.rdbuf();
  return content.str();
}

}  // namespace clusterpilot
