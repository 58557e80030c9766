// What changed since the previous month: patients seen in both months, those
// whose cluster changed, and the moves between clusters.
#ifndef CLUSTERPILOT_REPORTS_MONTH_COMPARISON_H_
#define CLUSTERPILOT_REPORTS_MONTH_COMPARISON_H_

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "reports/month_snapshot.h"

namespace clusterpilot {

struct MonthChange {
  int64_t previous_patients = 0;  // patients in the department in the earlier snapshot
  int64_t in_both_months = 0;     // ... and again in this month (re-rated)
  int64_t moved = 0;              // ... with a different cluster this month (both with one)

  void Add(const MonthChange& other);
};

struct MonthComparison {
  std::vector<MonthChange> departments;          // by output department index
  std::map<std::pair<int, int>, int64_t> moves;  // (from, to) cluster -> patients
};

// Matches patients by (department, patient id). `*_department_of` map each
// snapshot's department index to the output index (0..department_count-1);
// in `previous_department_of`, -1 leaves a department out. `previous` may
// be a month or a longer window (each patient's latest rating in it).
MonthComparison CompareMonths(const MonthSnapshot& previous,
                              const std::vector<int>& previous_department_of,
                              const MonthSnapshot& current,
                              const std::vector<int>& current_department_of, int department_count);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTH_COMPARISON_H_
