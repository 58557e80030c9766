#include "reports/cluster_distribution.h"

#include "core/care_cluster.h"
#include "core/cluster_profile.h"

namespace clusterpilot {

void ClusterCounts::Count(const PatientMonth& patient) {
  const int cluster = patient.ReportedCluster();
  if (patient.clinician_no_cluster) {
    ++clinician_no_cluster;
  } else if (IsCareCluster(cluster)) {
    ++by_cluster[cluster];
  } else if (patient.classified) {
    ++no_cluster;
  } else {
    ++not_classified;
  }
}

void ClusterCounts::Add(const ClusterCounts& other) {
  for (int cluster = 0; cluster < kClusterSlots; ++cluster)
    by_cluster[cluster] += other.by_cluster[cluster];
  no_cluster += other.no_cluster;
  clinician_no_cluster += other.clinician_no_cluster;
  not_classified += other.not_classified;
}

int64_t ClusterCounts::InSupercluster(Supercluster supercluster) const {
  int64_t total = 0;
  for (const ClusterLabel& label : ClusterLabels()) {
    if (label.supercluster == supercluster) total += by_cluster[label.cluster];
  }
  return total;
}

int64_t ClusterCounts::Total() const {
  int64_t total = no_cluster + clinician_no_cluster + not_classified;
  for (int64_t count : by_cluster) total += count;
  return total;
}

const std::vector<ClusterLabel>& ClusterLabels() {
  static const std::vector<ClusterLabel> labels = [] {
    std::vector<ClusterLabel> built;
    for (const ClusterProfile& profile : DefaultClusterProfiles()) {
      built.push_back(ClusterLabel{profile.cluster, profile.supercluster, profile.name});
    }
    return built;
  }();
  return labels;
}

Supercluster SuperclusterOf(int cluster) {
  for (const ClusterLabel& label : ClusterLabels()) {
    if (label.cluster == cluster) return label.supercluster;
  }
  return Supercluster::kNone;
}

}  // namespace clusterpilot
