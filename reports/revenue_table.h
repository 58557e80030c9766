// Today's revenue per patient per month (activity-based billing), to compare
// with what the cluster model would pay.
#ifndef CLUSTERPILOT_REPORTS_REVENUE_TABLE_H_
#define CLUSTERPILOT_REPORTS_REVENUE_TABLE_H_

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"

namespace clusterpilot {

class Store;

struct RevenueEntry {
  int line = 0;  // the patient's first row for this department and month
  std::string patient_id;
  std::string department;  // as the store spells it
  CalendarMonth month;
  int64_t amount_cents = 0;  // the sum of the patient's rows; below zero after credit notes
};

// A note for the report, such as a patient whose credit notes exceed the
// month's charges.
struct RevenueWarning {
  CalendarMonth month;
  std::string text;
};

struct RevenueTable {
  std::string file_name;
  std::vector<RevenueEntry> entries;  // one per patient, department and month, in file order
  std::vector<RevenueWarning> warnings;

  // The entries of one month, in file order.
  std::vector<RevenueEntry> InMonth(const CalendarMonth& month) const;
  // The warnings about one month.
  std::vector<std::string> WarningsIn(const CalendarMonth& month) const;
};

// The departments the store knows. `exists` is asked once per department
// name in the file; `all` is called only to explain an unknown one.
struct DepartmentDirectory {
  std::function<bool(const std::string& name)> exists;
  std::function<Result<std::set<std::string>>()> all;
};

// A directory of a fixed list.
DepartmentDirectory FixedDepartments(std::set<std::string> names);

// The departments of `store`, which must outlive the directory.
DepartmentDirectory StoreDepartmentDirectory(Store& store);

// Reads `patient;department;month;amount` (header required, ';'-separated,
// month as YYYY-MM, decimal comma allowed). Several rows of one patient,
// department and month are summed, and negative amounts (credit notes) are
// allowed; a patient whose month nets below zero gets a warning. Department
// names match the store's whatever their case or accents. Refuses the whole
// file, naming file, line, column and value, for: a department not in
// `departments` (the store's), a month that is not YYYY-MM, a non-numeric
// amount, or an empty patient.
Result<RevenueTable> ReadRevenueTable(const std::string& path,
                                      const DepartmentDirectory& departments);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REVENUE_TABLE_H_
