#include "reports/report_keys.h"

#include <charconv>
#include <string_view>

namespace clusterpilot {
namespace {

constexpr std::string_view kDepartmentPrefix = "department:";
constexpr std::string_view kClusterPrefix = "cluster:";
constexpr std::string_view kGroupPrefix = "group:";
constexpr std::string_view kSubtotalPrefix = "supercluster:";
constexpr std::string_view kMovePrefix = "move:";

// The part of `key` after `prefix`, or nullopt when it has another prefix.
std::optional<std::string_view> AfterPrefix(const std::string& key, std::string_view prefix) {
  if (!key.starts_with(prefix)) return std::nullopt;
  return std::string_view(key).substr(prefix.size());
}

}  // namespace

std::string DepartmentKey(const std::string& department) {
  return std::string(kDepartmentPrefix) + department;
}

std::string ClusterRowKey(int cluster) {
  return std::string(kClusterPrefix) + std::to_string(cluster);
}

std::string SuperclusterGroupKey(Supercluster supercluster) {
  return std::string(kGroupPrefix) + SuperclusterLetter(supercluster);
}

std::string SuperclusterSubtotalKey(Supercluster supercluster) {
  return std::string(kSubtotalPrefix) + SuperclusterLetter(supercluster);
}

std::string MoveRowKey(int from_cluster, int to_cluster) {
  return std::string(kMovePrefix) + std::to_string(from_cluster) + "-" + std::to_string(to_cluster);
}

std::optional<int> ClusterOfRowKey(const std::string& key) {
  const std::optional<std::string_view> number = AfterPrefix(key, kClusterPrefix);
  if (!number) return std::nullopt;
  int cluster = 0;
  const auto [end, error] =
      std::from_chars(number->data(), number->data() + number->size(), cluster);
  if (error != std::errc() || end != number->data() + number->size()) return std::nullopt;
  return cluster;
}

std::optional<Supercluster> SuperclusterOfSubtotalKey(const std::string& key) {
  const std::optional<std::string_view> letter = AfterPrefix(key, kSubtotalPrefix);
  if (!letter || letter->empty()) return std::nullopt;  // "" would parse as kNone
  return ParseSupercluster(std::string(*letter));
}

}  // namespace clusterpilot
