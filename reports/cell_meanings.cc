#include "reports/cell_meanings.h"

#include "core/care_cluster.h"
#include "reports/cluster_distribution.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

std::string Quantity(const std::string& stem, const std::string& department_key) {
  return stem + "/" + department_key;
}

// The rows of the plan that hold patients directly: clusters, no cluster
// (the algorithm's or the clinician's) and not classified. Every other
// count row is a sum of these.
bool IsLeaf(const ClusterRowPlan& row) { return row.cluster > 0 || OutsideSuperclusters(row); }

bool Covers(const ClusterRowPlan& row, const ClusterRowPlan& leaf) {
  if (row.style == RowStyle::kTotal) return true;
  if (row.style == RowStyle::kSubtotal) {
    return leaf.cluster > 0 && leaf.supercluster == row.supercluster;
  }
  return row.key == leaf.key;
}

}  // namespace

DepartmentTerms OwnCount(const std::string& stem) {
  return [stem](const std::string& department_key) {
    return QuantityTerms{{Quantity(stem, department_key), 1, true}};
  };
}

DepartmentTerms OwnAmount(const std::string& stem) {
  return [stem](const std::string& department_key) {
    return QuantityTerms{{Quantity(stem, department_key), 1, false}};
  };
}

QuantityTerms ClusterTerms(const std::string& stem, const std::string& department_key,
                           const ClusterRowPlan& row) {
  QuantityTerms terms;
  if (row.style == RowStyle::kGroup) return terms;
  for (const ClusterRowPlan& leaf : ClusterRows()) {
    if (IsLeaf(leaf) && Covers(row, leaf)) {
      terms.push_back({Quantity(stem, department_key) + "/" + leaf.key, 1, true});
    }
  }
  return terms;
}

DepartmentTerms PricedTerms(const TariffTable& tariffs, TariffPick tariff) {
  return [&tariffs, tariff](const std::string& department_key) {
    QuantityTerms terms;
    for (const ClusterLabel& label : ClusterLabels()) {
      const double weight =
          tariff == nullptr ? 1.0 : static_cast<double>(tariff(tariffs.by_cluster[label.cluster]));
      terms.push_back({Quantity("patients", department_key) + "/" + ClusterRowKey(label.cluster),
                       weight, true});
    }
    return terms;
  };
}

int64_t LowTariff(const ClusterTariff& tariff) { return tariff.low_cents; }
int64_t ExpectedTariff(const ClusterTariff& tariff) { return tariff.expected_cents; }
int64_t HighTariff(const ClusterTariff& tariff) { return tariff.high_cents; }

DepartmentTerms Combined(DepartmentTerms a, DepartmentTerms b, double factor) {
  return [a = std::move(a), b = std::move(b), factor](const std::string& department_key) {
    QuantityTerms terms = a(department_key);
    for (QuantityTerm term : b(department_key)) {
      term.weight *= factor;
      terms.push_back(std::move(term));
    }
    return terms;
  };
}

QuantityTerm TransitionTerm(const std::string& department_key, int from, int to) {
  return {Quantity("transition:" + std::to_string(from) + ">" + std::to_string(to), department_key),
          1, true};
}

QuantityTerms ArrivedTerms(const std::string& department_key, int cluster) {
  QuantityTerms terms;
  for (const ClusterRowPlan& leaf : ClusterRows()) {
    const bool arrived = IsCareCluster(cluster) ? leaf.cluster == cluster
                                                : IsLeaf(leaf) && OutsideSuperclusters(leaf);
    if (arrived) terms.push_back({Quantity("patients", department_key) + "/" + leaf.key, 1, true});
  }
  return terms;
}

DepartmentTerms AllPatients(const std::string& stem) {
  return [stem](const std::string& department_key) {
    return ClusterTerms(stem, department_key, ClusterRows().back());
  };
}

void AddMeanings(const ReportTable& table, const std::string& column_key,
                 const DepartmentTerms& terms, TableRelations* relations) {
  const int column = table.ColumnOf(column_key);
  const int institution = static_cast<int>(table.rows.size()) - 1;
  CellMeaning total{{institution, column}, {}};
  for (int row = 0; row < institution; ++row) {
    QuantityTerms own = terms(table.rows[row].key);
    total.terms.insert(total.terms.end(), own.begin(), own.end());
    relations->meanings.push_back(CellMeaning{{row, column}, std::move(own)});
  }
  relations->meanings.push_back(std::move(total));
}

std::vector<CellMeaning> ClusterCountMeanings(const std::string& stem,
                                              const std::vector<ClusterRowPlan>& plan,
                                              const std::vector<std::string>& department_keys,
                                              int first_department_column, int institution) {
  std::vector<CellMeaning> meanings;
  for (int row = 0; row < static_cast<int>(plan.size()); ++row) {
    if (plan[row].style == RowStyle::kGroup) continue;
    CellMeaning total{{row, institution}, {}};
    for (size_t d = 0; d < department_keys.size(); ++d) {
      QuantityTerms terms = ClusterTerms(stem, department_keys[d], plan[row]);
      total.terms.insert(total.terms.end(), terms.begin(), terms.end());
      if (first_department_column >= 0) {
        meanings.push_back(
            {{row, first_department_column + static_cast<int>(d)}, std::move(terms)});
      }
    }
    meanings.push_back(std::move(total));
  }
  return meanings;
}

void AppendMeanings(std::vector<CellMeaning> more, std::vector<CellMeaning>* meanings) {
  meanings->insert(meanings->end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
}

}  // namespace clusterpilot
