#include "reports/cluster_row_plan.h"

#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

constexpr Supercluster kReportedSuperclusters[] = {
    Supercluster::kNonPsychotic, Supercluster::kPsychotic, Supercluster::kOrganic};

std::string SuperclusterTitle(Supercluster supercluster) {
  std::string name = SuperclusterName(supercluster);
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name + " (" + SuperclusterLetter(supercluster) + ")";
}

// Heading, clusters and subtotal of one supercluster.
void AddSuperclusterRows(Supercluster s, std::vector<ClusterRowPlan>* plan) {
  plan->push_back({SuperclusterGroupKey(s), SuperclusterTitle(s), RowStyle::kGroup, 0, s});
  for (const ClusterLabel& label : ClusterLabels()) {
    if (label.supercluster != s) continue;
    plan->push_back({ClusterRowKey(label.cluster), std::to_string(label.cluster) + " " + label.name,
                     RowStyle::kNormal, label.cluster, s});
  }
  plan->push_back(
      {SuperclusterSubtotalKey(s), SuperclusterTitle(s) + " subtotal", RowStyle::kSubtotal, 0, s});
}

std::vector<ClusterRowPlan> MakeClusterRows() {
  std::vector<ClusterRowPlan> plan;
  for (Supercluster s : kReportedSuperclusters) AddSuperclusterRows(s, &plan);
  plan.push_back(
      {row_key::kNoCluster, "No fitting cluster", RowStyle::kNormal, 0, Supercluster::kNone});
  plan.push_back({row_key::kClinicianNoCluster, "No fitting cluster (clinician's decision)",
                  RowStyle::kNormal, 0, Supercluster::kNone});
  plan.push_back(
      {row_key::kNotClassified, "Not yet classified", RowStyle::kNormal, 0, Supercluster::kNone});
  plan.push_back({row_key::kTotal, "Total", RowStyle::kTotal, 0, Supercluster::kNone});
  return plan;
}

}  // namespace

int64_t ClusterRowPlan::CountIn(const ClusterCounts& counts) const {
  if (cluster > 0) return counts.by_cluster[cluster];
  if (style == RowStyle::kSubtotal) return counts.InSupercluster(supercluster);
  if (key == row_key::kNoCluster) return counts.no_cluster;
  if (key == row_key::kClinicianNoCluster) return counts.clinician_no_cluster;
  if (key == row_key::kNotClassified) return counts.not_classified;
  return counts.Total();
}

bool OutsideSuperclusters(const ClusterRowPlan& row) {
  return row.key == row_key::kNoCluster || row.key == row_key::kClinicianNoCluster ||
         row.key == row_key::kNotClassified;
}

const std::vector<ClusterRowPlan>& ClusterRows() {
  static const std::vector<ClusterRowPlan> plan = MakeClusterRows();
  return plan;
}

std::vector<TableSum> ClusterColumnSums(const std::vector<ClusterRowPlan>& plan,
                                        const std::vector<int>& columns) {
  std::vector<TableSum> sums;
  for (int column : columns) {
    TableSum total{{static_cast<int>(plan.size()) - 1, column}, {}};
    TableSum subtotal;
    for (int row = 0; row < static_cast<int>(plan.size()); ++row) {
      if (plan[row].cluster > 0) subtotal.parts.push_back({row, column});
      if (plan[row].style == RowStyle::kSubtotal) {
        subtotal.total = {row, column};
        sums.push_back(subtotal);
        subtotal = TableSum();
        total.parts.push_back({row, column});
      }
      if (OutsideSuperclusters(plan[row])) total.parts.push_back({row, column});
    }
    sums.push_back(total);
  }
  return sums;
}

}  // namespace clusterpilot
