// What the report's count and amount cells mean as sums of quantities of
// the whole report (see CellMeaning), named once here so that every table
// that shows a figure names it the same way and the disclosure audit links
// them: a department's patients in cluster 4 are one quantity, whether the
// distribution, the revenue table or the distribution shift shows them.
#ifndef CLUSTERPILOT_REPORTS_CELL_MEANINGS_H_
#define CLUSTERPILOT_REPORTS_CELL_MEANINGS_H_

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "reports/cluster_row_plan.h"
#include "reports/report_table.h"
#include "reports/small_cell_suppression.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

using QuantityTerms = std::vector<QuantityTerm>;

// The terms of one department's figure, given the department's row key
// ("department:Psychosomatics").
using DepartmentTerms = std::function<QuantityTerms(const std::string& department_key)>;

// Everything the revenue files bill a department for in the report's month:
// the quantity the impact table, the caseload table and the trends' last
// month all show parts or sums of.
inline constexpr const char* kBilledRevenueStem = "billed_revenue";

// One count of a department that no other figure breaks down, such as its
// measurements: "measurements/department:X".
DepartmentTerms OwnCount(const std::string& stem);
// The same for an amount in cents that the reader cannot price, such as
// billed revenue.
DepartmentTerms OwnAmount(const std::string& stem);

// The department's patients (this month, or the previous one when `stem`
// is "previous") in the rows of the cluster plan that `row` covers: one
// cluster, a supercluster subtotal, no cluster, not classified or the total.
QuantityTerms ClusterTerms(const std::string& stem, const std::string& department_key,
                           const ClusterRowPlan& row);
// All the patients of a department with a care cluster, each weighted by
// its cluster's tariff (cents) as `tariff` picks it; nullptr counts them.
using TariffPick = int64_t (*)(const ClusterTariff& tariff);
DepartmentTerms PricedTerms(const TariffTable& tariffs, TariffPick tariff);
int64_t LowTariff(const ClusterTariff& tariff);
int64_t ExpectedTariff(const ClusterTariff& tariff);
int64_t HighTariff(const ClusterTariff& tariff);

// `a` plus `b` times `factor`.
DepartmentTerms Combined(DepartmentTerms a, DepartmentTerms b, double factor);

// All of a department's patients of `stem` (its distribution total).
DepartmentTerms AllPatients(const std::string& stem);

// A department's re-rated patients whose previous rating had cluster `from`
// and this month's `to` (0: no cluster): a cell of the transitions matrix,
// which the changes and moves tables sum.
QuantityTerm TransitionTerm(const std::string& department_key, int from, int to);

// A department's patients this month in care cluster `cluster`, or, for any
// other number, in the rows without one (no cluster, the clinician's no
// cluster, not classified): where its re-rated patients who reached
// `cluster` are counted.
QuantityTerms ArrivedTerms(const std::string& department_key, int cluster);

// Adds the meanings of a column of a department-layout table
// (AddDepartmentRows) to `relations`: each department row its own terms, the
// institution row (the last) the sum of all departments'.
void AddMeanings(const ReportTable& table, const std::string& column_key,
                 const DepartmentTerms& terms, TableRelations* relations);

// Every count of `stem` ("patients", or "previous" for the month before) in
// the cluster rows of `plan`, in a table with a column per department from
// `first_department_column` (-1: none) and the institution's column: a
// department's cell its own patients, the institution's every department's.
std::vector<CellMeaning> ClusterCountMeanings(const std::string& stem,
                                              const std::vector<ClusterRowPlan>& plan,
                                              const std::vector<std::string>& department_keys,
                                              int first_department_column, int institution);

// Appends `more` to `meanings`.
void AppendMeanings(std::vector<CellMeaning> more, std::vector<CellMeaning>* meanings);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_CELL_MEANINGS_H_
