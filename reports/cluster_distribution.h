// How many patients each care cluster holds in a department: the heart of
// the pilot report. Clinicians' clusters take precedence over the
// classifier's.
#ifndef CLUSTERPILOT_REPORTS_CLUSTER_DISTRIBUTION_H_
#define CLUSTERPILOT_REPORTS_CLUSTER_DISTRIBUTION_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/supercluster.h"
#include "reports/month_snapshot.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

struct ClusterCounts {
  std::array<int64_t, kClusterSlots> by_cluster{};  // indexed by cluster number
  int64_t no_cluster = 0;            // classified, but no cluster fits and no clinician chose one
  int64_t clinician_no_cluster = 0;  // a clinician decided that no cluster fits
  int64_t not_classified = 0;        // the latest model has not classified the measurement

  // Adds one patient under the cluster the report uses.
  void Count(const PatientMonth& patient);
  void Add(const ClusterCounts& other);
  int64_t InSupercluster(Supercluster supercluster) const;
  int64_t Total() const;
};

// The care clusters in report order (1-8, 10-21), with their supercluster
// and name from the built-in cluster table.
struct ClusterLabel {
  int cluster = 0;
  Supercluster supercluster = Supercluster::kNone;
  std::string name;
};
const std::vector<ClusterLabel>& ClusterLabels();

// The supercluster a cluster number belongs to (kNone for a non-cluster).
Supercluster SuperclusterOf(int cluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_CLUSTER_DISTRIBUTION_H_
