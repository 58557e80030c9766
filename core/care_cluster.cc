#include "core/care_cluster.h"

#include <cctype>

namespace clusterpilot {
namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

bool HasZtPrefix(std::string_view text) {
  return text.size() > 2 && (text[0] == 'Z' || text[0] == 'z') &&
         (text[1] == 'T' || text[1] == 't');
}

}  // namespace

std::optional<int> ParseCareCluster(std::string_view text) {
  text = Trimmed(text);
  if (HasZtPrefix(text)) text.remove_prefix(2);
  if (text.empty() || text.size() > 2) return std::nullopt;
  int number = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  if (!IsCareCluster(number)) return std::nullopt;
  return number;
}

std::string ZtCode(int cluster) { return (cluster < 10 ? "ZT0" : "ZT") + std::to_string(cluster); }

Supercluster RegulationSupercluster(int cluster) {
  if (!IsCareCluster(cluster)) return Supercluster::kNone;
  if (cluster <= 8) return Supercluster::kNonPsychotic;
  if (cluster <= 17) return Supercluster::kPsychotic;
  return Supercluster::kOrganic;
}

}  // namespace clusterpilot
