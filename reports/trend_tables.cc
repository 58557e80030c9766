#include "reports/trend_tables.h"

#include <functional>
#include <utility>
#include <vector>

#include "reports/cell_meanings.h"
#include "reports/cluster_row_plan.h"
#include "reports/department_layout.h"
#include "reports/report_keys.h"

namespace clusterpilot {
namespace {

namespace col = column_key;

// The quantities one month's figures are sums of (cell_meanings.h). The
// report's month names those of its own tables, the month before the
// cluster-shift table's "previous"; the other months are the trends' own.
struct MonthStems {
  std::string clusters;
  std::string poor_fit;
  std::string measurements;
  std::string unclassified;
  std::string confirmed;
  std::string changed;
  std::string billed;
};

MonthStems StemsOf(const MonthlyTrends& trends, size_t m) {
  const std::string month = trends.months[m].Key();
  auto own = [&month](const char* what) { return std::string("trend_") + what + ":" + month; };
  MonthStems stems{own("patients"),  own("poor_fit"), own("measurements"), own("unclassified"),
                   own("confirmed"), own("changed"),  own("billed")};
  const size_t last = trends.months.size() - 1;
  if (m == last) {
    stems = MonthStems{"patients",  "fit_poor_fit", "measurements",    "unclassified_measurements",
                       "confirmed", "changed",      kBilledRevenueStem};
  } else if (m + 1 == last) {
    stems.clusters = "previous";
  }
  return stems;
}

using TermsOf =
    std::function<QuantityTerms(const MonthStems& stems, const std::string& department_key)>;
using CellOf = std::function<ReportCell(const TrendPoint& point, bool covered)>;

struct TrendColumn {
  ReportColumn column;
  CellOf cell;
  TermsOf terms;  // empty for a share, which no sum or meaning holds
};

const ClusterRowPlan& PlanRow(const std::function<bool(const ClusterRowPlan&)>& wanted) {
  const std::vector<ClusterRowPlan>& plan = ClusterRows();
  for (const ClusterRowPlan& row : plan) {
    if (wanted(row)) return row;
  }
  return plan.back();
}

TermsOf ClusterRowsTerms(std::vector<std::function<bool(const ClusterRowPlan&)>> rows) {
  return [rows = std::move(rows)](const MonthStems& stems, const std::string& department_key) {
    QuantityTerms terms;
    for (const auto& wanted : rows) {
      QuantityTerms more = ClusterTerms(stems.clusters, department_key, PlanRow(wanted));
      terms.insert(terms.end(), more.begin(), more.end());
    }
    return terms;
  };
}

TermsOf SuperclusterTerms(Supercluster supercluster) {
  return ClusterRowsTerms({[supercluster](const ClusterRowPlan& row) {
    return row.style == RowStyle::kSubtotal && row.supercluster == supercluster;
  }});
}

TermsOf WithoutClusterTerms() {
  auto keyed = [](const char* key) {
    return [key](const ClusterRowPlan& row) { return row.key == key; };
  };
  return ClusterRowsTerms({keyed(row_key::kNoCluster), keyed(row_key::kClinicianNoCluster),
                           keyed(row_key::kNotClassified)});
}

int64_t WithoutCluster(const ClusterCounts& counts) {
  return counts.no_cluster + counts.clinician_no_cluster + counts.not_classified;
}

// One quantity per stem, signed: {stem, 1} + {other, -1}.
TermsOf Own(std::vector<std::pair<std::string MonthStems::*, double>> parts, bool count = true) {
  return [parts = std::move(parts), count](const MonthStems& stems,
                                           const std::string& department_key) {
    QuantityTerms terms;
    for (const auto& [stem, weight] : parts) {
      terms.push_back({stems.*stem + "/" + department_key, weight, count});
    }
    return terms;
  };
}

// The patients with a care cluster, each weighted by its tariff (cents) as
// `tariff` picks it; nullptr counts them.
TermsOf Priced(const TariffTable& tariffs, TariffPick tariff) {
  return [&tariffs, tariff](const MonthStems& stems, const std::string& department_key) {
    QuantityTerms terms;
    for (const ClusterLabel& label : ClusterLabels()) {
      const ClusterRowPlan& row =
          PlanRow([&label](const ClusterRowPlan& plan) { return plan.cluster == label.cluster; });
      for (QuantityTerm term : ClusterTerms(stems.clusters, department_key, row)) {
        if (tariff != nullptr)
          term.weight = static_cast<double>(tariff(tariffs.by_cluster[label.cluster]));
        terms.push_back(std::move(term));
      }
    }
    return terms;
  };
}

ReportRow TrendRow(const std::string& department_key, const std::string& name,
                   const MonthlyTrends& trends, size_t m, const TrendPoint& point, RowStyle style,
                   const std::vector<TrendColumn>& columns) {
  ReportRow row{TrendRowKey(department_key, trends.months[m]),
                name + " \xC2\xB7 " + trends.months[m].Key(),
                style,
                {}};
  for (const TrendColumn& column : columns) {
    row.cells.push_back(column.cell(point, trends.revenue_covered[m]));
  }
  return row;
}

// The meanings of one row's cells: a department's own terms, or for the
// institution every department's.
void AddRowMeanings(int row, const std::vector<ReportCell>& cells, const MonthStems& stems,
                    const std::vector<std::string>& department_keys,
                    const std::vector<TrendColumn>& columns, TableRelations* relations) {
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!columns[c].terms || cells[c].kind == CellKind::kEmpty) continue;
    CellMeaning meaning{{row, static_cast<int>(c)}, {}};
    for (const std::string& key : department_keys) {
      QuantityTerms terms = columns[c].terms(stems, key);
      meaning.terms.insert(meaning.terms.end(), terms.begin(), terms.end());
    }
    relations->meanings.push_back(std::move(meaning));
  }
}

// A row per department and month, then the institution's months; in every
// month and summed column, the institution is the sum of the departments.
DraftTable LayOut(ReportTable table, const MonthlyTrends& trends,
                  const std::vector<TrendColumn>& columns) {
  table.row_header = "Department \xC2\xB7 month";
  for (const TrendColumn& column : columns) table.columns.push_back(column.column);
  TableRelations relations;
  std::vector<std::string> all_keys;
  for (const DepartmentTrend& department : trends.departments) {
    all_keys.push_back(DepartmentKey(department.name));
  }
  auto add = [&](const DepartmentTrend& trend, const std::string& key,
                 const std::vector<std::string>& keys, RowStyle style) {
    for (size_t m = 0; m < trends.months.size(); ++m) {
      table.rows.push_back(TrendRow(key, trend.name, trends, m, trend.months[m], style, columns));
      AddRowMeanings(static_cast<int>(table.rows.size()) - 1, table.rows.back().cells,
                     StemsOf(trends, m), keys, columns, &relations);
    }
  };
  for (const DepartmentTrend& department : trends.departments) {
    add(department, DepartmentKey(department.name), {DepartmentKey(department.name)},
        RowStyle::kNormal);
  }
  add(trends.institution, kInstitution, all_keys, RowStyle::kTotal);
  const int months = static_cast<int>(trends.months.size());
  const int institution = static_cast<int>(trends.departments.size()) * months;
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    if (!columns[c].terms) continue;
    for (int m = 0; m < months; ++m) {
      TableSum sum{{institution + m, c}, {}};
      for (int d = 0; d < institution; d += months) sum.parts.push_back({d + m, c});
      relations.sums.push_back(std::move(sum));
    }
  }
  return {std::move(table), std::move(relations)};
}

// In every row, `targets` are hidden with `source`.
void Link(DraftTable* draft, const std::string& source, const std::vector<std::string>& targets) {
  AppendLinks(LinksInEveryRow(draft->table, source, targets), &draft->relations.links);
}

ReportCell CountCell(int64_t count) { return ReportCell::Count(count); }

TrendColumn SuperclusterColumn(Supercluster supercluster, const char* key, const char* label) {
  return {Column(key, label, CellKind::kCount),
          [supercluster](const TrendPoint& p, bool) {
            return CountCell(p.clusters.InSupercluster(supercluster));
          },
          SuperclusterTerms(supercluster)};
}

}  // namespace

std::string TrendRowKey(const std::string& department_key, const CalendarMonth& month) {
  return "trend:" + department_key + "/" + month.Key();
}

DraftTable TrendsTable(const MonthlyTrends& trends) {
  const auto total = [](const ClusterRowPlan& row) { return row.style == RowStyle::kTotal; };
  std::vector<TrendColumn> columns = {
      {Column(col::kPatients, "Patients rated", CellKind::kCount),
       [](const TrendPoint& p, bool) { return CountCell(p.Patients()); },
       ClusterRowsTerms({total})},
      SuperclusterColumn(Supercluster::kNonPsychotic, col::kNonPsychotic, "Non-psychotic (X)"),
      SuperclusterColumn(Supercluster::kPsychotic, col::kPsychotic, "Psychotic (Y)"),
      SuperclusterColumn(Supercluster::kOrganic, col::kOrganic, "Organic (Z)"),
      {Column(col::kWithoutCluster, "No cluster", CellKind::kCount),
       [](const TrendPoint& p, bool) { return CountCell(WithoutCluster(p.clusters)); },
       WithoutClusterTerms()},
      {Column(col::kPoorFit, "Poor fit", CellKind::kCount),
       [](const TrendPoint& p, bool) { return CountCell(p.fit.poor_fit); },
       Own({{&MonthStems::poor_fit, 1}})},
      {Column(col::kPoorFitShare, "Poor fit share", CellKind::kPercent),
       [](const TrendPoint& p, bool) {
         return ReportCell::Percent(p.fit.poor_fit, p.fit.classified);
       },
       nullptr}};
  DraftTable draft = LayOut(
      ReportTable{table_id::kTrends,
                  "Trends: patients rated and their clusters",
                  "The last 12 months per department: patients rated in the month (each once, at "
                  "their latest rating there), by supercluster of their cluster (the clinician's, "
                  "else the model's); no cluster: none fits, or not classified. Poor fit share: "
                  "of the classified patients.",
                  "",
                  {},
                  {}},
      trends, columns);
  // In every row the patients are the superclusters plus no cluster.
  const ReportTable& table = draft.table;
  for (int row = 0; row < static_cast<int>(table.rows.size()); ++row) {
    draft.relations.sums.push_back(TableSum{{row, table.ColumnOf(col::kPatients)},
                                            {{row, table.ColumnOf(col::kNonPsychotic)},
                                             {row, table.ColumnOf(col::kPsychotic)},
                                             {row, table.ColumnOf(col::kOrganic)},
                                             {row, table.ColumnOf(col::kWithoutCluster)}}});
  }
  Link(&draft, col::kPoorFit, {col::kPoorFitShare});
  Link(&draft, col::kPatients, {col::kPoorFitShare});
  return draft;
}

DraftTable TrendReviewsTable(const MonthlyTrends& trends) {
  std::vector<TrendColumn> columns = {
      {Column(col::kClassifiedMeasurements, "Measurements classified", CellKind::kCount),
       [](const TrendPoint& p, bool) {
         return CountCell(p.activity.measurements - p.activity.not_classified);
       },
       Own({{&MonthStems::measurements, 1}, {&MonthStems::unclassified, -1}})},
      {Column(col::kReviewed, "Reviewed by a clinician", CellKind::kCount),
       [](const TrendPoint& p, bool) { return CountCell(p.activity.reviewed); },
       Own({{&MonthStems::confirmed, 1}, {&MonthStems::changed, 1}})},
      {Column(col::kReviewShare, "Share reviewed", CellKind::kPercent),
       [](const TrendPoint& p, bool) {
         return ReportCell::Percent(p.activity.reviewed,
                                    p.activity.measurements - p.activity.not_classified);
       },
       nullptr},
      {Column(col::kChanged, "Changed", CellKind::kCount),
       [](const TrendPoint& p, bool) { return CountCell(p.activity.changed); },
       Own({{&MonthStems::changed, 1}})},
      {Column(col::kOverrideRate, "Override rate", CellKind::kPercent),
       [](const TrendPoint& p, bool) {
         return ReportCell::Percent(p.activity.changed, p.activity.reviewed);
       },
       nullptr}};
  DraftTable draft = LayOut(
      ReportTable{table_id::kTrendReviews,
                  "Trends: clinicians' reviews and overrides",
                  "The last 12 months per department: every measurement of the month the current "
                  "model classified, those a clinician reviewed, and those where the clinician "
                  "chose another cluster. Override rate: of the reviewed.",
                  "",
                  {},
                  {}},
      trends, columns);
  Link(&draft, col::kReviewed, {col::kReviewShare, col::kOverrideRate});
  Link(&draft, col::kClassifiedMeasurements, {col::kReviewShare});
  Link(&draft, col::kChanged, {col::kOverrideRate});
  return draft;
}

DraftTable TrendRevenueTable(const MonthlyTrends& trends, const TariffTable& tariffs) {
  std::vector<TrendColumn> columns = {
      {Column(col::kPricedPatients, "Patients with a cluster", CellKind::kCount),
       [](const TrendPoint& p, bool) { return CountCell(p.priced_patients); },
       Priced(tariffs, nullptr)},
      {Column(col::kTariffExpected, "Expected cluster revenue", CellKind::kEuros),
       [](const TrendPoint& p, bool) { return ReportCell::Euros(p.expected_cents); },
       Priced(tariffs, ExpectedTariff)},
      {Column(col::kCurrent, "Current revenue", CellKind::kEuros),
       [](const TrendPoint& p, bool covered) {
         return covered ? ReportCell::Euros(p.billed_cents) : ReportCell::Empty();
       },
       Own({{&MonthStems::billed, 1}}, false)},
      {Column(col::kDifference, "Difference", CellKind::kEuros),
       [](const TrendPoint& p, bool covered) {
         return covered ? ReportCell::Euros(p.expected_cents - p.billed_cents)
                        : ReportCell::Empty();
       },
       [&tariffs](const MonthStems& stems, const std::string& key) {
         QuantityTerms terms = Priced(tariffs, ExpectedTariff)(stems, key);
         terms.push_back({stems.billed + "/" + key, -1, false});
         return terms;
       }}};
  DraftTable draft = LayOut(
      ReportTable{table_id::kTrendRevenue,
                  "Trends: cluster revenue and current revenue",
                  "The last 12 months per department: the patients rated in the month with a care "
                  "cluster, at the most likely tariff of that cluster, against everything the "
                  "revenue files bill the department for that month; a dash where no revenue "
                  "file covers the month. Difference: cluster revenue minus current revenue.",
                  "",
                  {},
                  {}},
      trends, columns);
  Link(&draft, col::kPricedPatients, {col::kTariffExpected, col::kDifference});
  return draft;
}

}  // namespace clusterpilot
