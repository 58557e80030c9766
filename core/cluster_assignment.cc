#include "core/cluster_assignment.h"

#include <charconv>
#include <cstdio>

namespace clusterpilot {

std::string_view FitFlagName(uint32_t flag) {
  switch (flag) {
    case kFlagAmbiguous:
      return "ambiguous";
    case kFlagAtypical:
      return "atypical";
    case kFlagNoFit:
      return "no_fit";
    case kFlagSuperclusterConflict:
      return "supercluster_conflict";
    case kFlagInsufficientData:
      return "insufficient_data";
  }
  return "";
}

std::string FitFlagNames(uint32_t flags) {
  std::string names;
  for (uint32_t flag : kAllFitFlags) {
    if ((flags & flag) == 0) continue;
    if (!names.empty()) names += ',';
    names += FitFlagName(flag);
  }
  return names;
}

std::string EncodeProbabilities(const std::vector<ClusterProbability>& ranked) {
  // std::to_chars rounds exactly as printf's %.4f does, without its locale
  // and format parsing: this runs once per classified measurement.
  std::string text;
  char buffer[32];
  for (const ClusterProbability& entry : ranked) {
    if (entry.probability < 0.00005) continue;
    if (!text.empty()) text += ';';
    char* end = std::to_chars(buffer, buffer + sizeof buffer, entry.cluster).ptr;
    *end++ = ':';
    end = std::to_chars(end, buffer + sizeof buffer, entry.probability, std::chars_format::fixed, 4)
              .ptr;
    text.append(buffer, end);
  }
  return text;
}

bool DecodeProbabilities(std::string_view text, std::vector<ClusterProbability>* ranked) {
  ranked->clear();
  while (!text.empty()) {
    const size_t end = text.find(';');
    const std::string_view entry = text.substr(0, end);
    const size_t colon = entry.find(':');
    if (colon == std::string_view::npos) return false;
    ClusterProbability parsed;
    auto cluster = std::from_chars(entry.data(), entry.data() + colon, parsed.cluster);
    auto probability =
        std::from_chars(entry.data() + colon + 1, entry.data() + entry.size(), parsed.probability);
    if (cluster.ec != std::errc() || cluster.ptr != entry.data() + colon ||
        probability.ec != std::errc() || probability.ptr != entry.data() + entry.size()) {
      return false;
    }
    ranked->push_back(parsed);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    if (text.empty()) return false;  // a trailing ';'
  }
  return true;
}

}  // namespace clusterpilot
