// The expected HoNOS+ profile of a care cluster, read from
// data/cluster_profiles.csv: the one table both the synthetic-data generator
// and the classifier's default model are built from.
#ifndef CLUSTERPILOT_CORE_CLUSTER_PROFILE_H_
#define CLUSTERPILOT_CORE_CLUSTER_PROFILE_H_

#include <array>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/item_ratings.h"
#include "core/supercluster.h"

namespace clusterpilot {

struct ClusterProfile {
  int cluster = 0;  // 1..21; 9 is unused
  Supercluster supercluster = Supercluster::kNone;
  std::string name;
  std::string hv08_types;                   // typical HV08 letters, e.g. "CFG"
  std::array<int8_t, kItemCount> low{};     // lowest typical rating per item
  std::array<int8_t, kItemCount> high{};    // highest typical rating per item
  std::array<double, kItemCount> weight{};  // how much the item defines the cluster
};

// Parses the profile table (format described at the top of the data file).
// Lines starting with '#' and blank lines are skipped. Errors name
// file_name, the line, the column and the value.
Result<std::vector<ClusterProfile>> ParseClusterProfiles(const std::string& text,
                                                         const std::string& file_name);

// The table compiled into the program from data/cluster_profiles.csv.
// Parsed once; the data file is checked by a test, so this cannot fail.
const std::vector<ClusterProfile>& DefaultClusterProfiles();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_CLUSTER_PROFILE_H_
