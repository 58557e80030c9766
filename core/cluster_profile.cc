#include "core/cluster_profile.h"

#include <cstdlib>
#include <sstream>

#include "core/care_cluster.h"

namespace clusterpilot {

// Defined in the source CMake generates from data/cluster_profiles.csv.
extern const char kClusterProfilesCsv[];

namespace {

constexpr int kFixedColumns = 4;  // cluster;supercluster;name;hv08_types
constexpr size_t kColumnCount = kFixedColumns + kItemCount;

std::vector<std::string> SplitSemicolons(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  while (std::getline(stream, cell, ';')) cells.push_back(cell);
  if (!line.empty() && line.back() == ';') cells.emplace_back();
  return cells;
}

// "1-3" or "1-3*2" into low, high and weight.
bool ParseRange(const std::string& cell, int8_t* low, int8_t* high, double* weight) {
  if (cell.size() < 3 || cell[1] != '-') return false;
  const int lo = cell[0] - '0';
  const int hi = cell[2] - '0';
  if (lo < 0 || hi > kMaxRating || lo > hi) return false;
  double w = 1.0;
  if (cell.size() > 3) {
    if (cell[3] != '*') return false;
    char* end = nullptr;
    w = std::strtod(cell.c_str() + 4, &end);
    if (*end != '\0' || w <= 0) return false;
  }
  *low = static_cast<int8_t>(lo);
  *high = static_cast<int8_t>(hi);
  *weight = w;
  return true;
}

Error ProfileError(const std::string& file_name, int line, int column, std::string field,
                   std::string value, std::string message) {
  return Error{.file = file_name,
               .line = line,
               .column = column,
               .field = std::move(field),
               .value = std::move(value),
               .message = std::move(message)};
}

Result<ClusterProfile> ParseProfileLine(const std::vector<std::string>& cells,
                                        const std::string& file_name, int line) {
  if (cells.size() != kColumnCount) {
    return ProfileError(file_name, line, 0, "", "",
                        "expected " + std::to_string(kColumnCount) + " columns, found " +
                            std::to_string(cells.size()));
  }
  ClusterProfile profile;
  profile.cluster = std::atoi(cells[0].c_str());
  if (!IsCareCluster(profile.cluster)) {
    return ProfileError(file_name, line, 1, "cluster", cells[0],
                        "not a cluster number (1-21, not 9)");
  }
  const auto supercluster = ParseSupercluster(cells[1]);
  if (!supercluster || *supercluster == Supercluster::kNone) {
    return ProfileError(file_name, line, 2, "supercluster", cells[1], "use X, Y or Z");
  }
  profile.supercluster = *supercluster;
  profile.name = cells[2];
  profile.hv08_types = cells[3];
  for (int item = 0; item < kItemCount; ++item) {
    const std::string& cell = cells[kFixedColumns + item];
    if (!ParseRange(cell, &profile.low[item], &profile.high[item], &profile.weight[item])) {
      return ProfileError(file_name, line, kFixedColumns + item + 1, ItemCode(item), cell,
                          "expected a range like 1-3 or 1-3*2 within 0-4");
    }
  }
  return profile;
}

}  // namespace

Result<std::vector<ClusterProfile>> ParseClusterProfiles(const std::string& text,
                                                         const std::string& file_name) {
  std::vector<ClusterProfile> profiles;
  std::stringstream stream(text);
  std::string line;
  int line_number = 0;
  bool header_seen = false;
  while (std::getline(stream, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    Result<ClusterProfile> profile =
        ParseProfileLine(SplitSemicolons(line), file_name, line_number);
    if (!profile.ok()) return profile.error();
    profiles.push_back(std::move(profile).value());
  }
  if (profiles.empty())
    return ProfileError(file_name, line_number, 0, "", "", "no cluster profiles");
  return profiles;
}

const std::vector<ClusterProfile>& DefaultClusterProfiles() {
  static const std::vector<ClusterProfile> profiles = [] {
    Result<std::vector<ClusterProfile>> parsed =
        ParseClusterProfiles(kClusterProfilesCsv, "data/cluster_profiles.csv");
    if (!parsed.ok()) std::abort();  // the build embeds a file a test checks
    return std::move(parsed).value();
  }();
  return profiles;
}

}  // namespace clusterpilot
