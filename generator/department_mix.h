// The departments of a synthetic institution and the mix of care clusters
// each one treats, so generated data looks like a real GGZ institution: a
// psychosis department full of clusters 10-17, elderly care full of 18-21,
// and psychosomatics with many patients who fit no cluster at all.
#ifndef CLUSTERPILOT_GENERATOR_DEPARTMENT_MIX_H_
#define CLUSTERPILOT_GENERATOR_DEPARTMENT_MIX_H_

#include <string>
#include <vector>

namespace clusterpilot {

// Cluster 0 stands for patients drawn deliberately ill-fitting.
inline constexpr int kIllFittingCluster = 0;

struct ClusterShare {
  int cluster = 0;  // 1..21, or kIllFittingCluster
  double weight = 0;
};

struct DepartmentMix {
  std::string name;                    // Dutch, as an EPD would export it
  double size = 1;                     // relative number of patients
  std::vector<ClusterShare> clusters;  // relative weights, need not sum to 1
  std::vector<std::string> clinicians;
  // The organisation the department belongs to in the synthetic network:
  // the addiction departments form an organisation of their own.
  std::string organisation;
  // The department that also treats a few of its patients (psychiatric and
  // addiction care together), as an index into the same list; -1: none.
  int partner = -1;
};

inline constexpr int kMinDepartments = 6;
inline constexpr int kMaxDepartments = 20;

// The first `count` departments (clamped to kMinDepartments..kMaxDepartments):
// the seven named clinical departments first, then regional copies of them
// ("Psychosezorg Noord") with the same mix and their own clinicians. The
// partner of a department is in its own region where that exists.
std::vector<DepartmentMix> SyntheticDepartments(int count);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_DEPARTMENT_MIX_H_
