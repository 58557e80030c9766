#include "reports/revenue_table.h"

#include <map>
#include <memory>
#include <tuple>

#include "reports/delimited_file.h"
#include "reports/dutch_number.h"

namespace clusterpilot {
namespace {

const std::vector<std::string> kHeader = {"patient", "department", "month", "amount"};
constexpr size_t kDepartmentsNamedInError = 8;

Error RowError(const std::string& path, const DelimitedRow& row, int column, std::string message) {
  return FieldError(path, row.line, kHeader[column], row.cells[column], std::move(message));
}

std::string KnownList(const std::set<std::string>& known) {
  if (known.empty()) return "the store holds no measurements yet";
  std::string list = "known: ";
  size_t named = 0;
  for (const std::string& department : known) {
    if (named == kDepartmentsNamedInError) {
      list += ", ...";
      break;
    }
    list += (named++ == 0 ? "" : ", ") + department;
  }
  return list;
}

// Answers `exists` once per name.
class DepartmentCheck {
 public:
  explicit DepartmentCheck(const DepartmentDirectory& directory) : directory_(directory) {}
  bool Known(const std::string& name) {
    auto found = known_.find(name);
    if (found == known_.end()) found = known_.emplace(name, directory_.exists(name)).first;
    return found->second;
  }
  std::string Explanation() const {
    Result<std::set<std::string>> all = directory_.all();
    if (!all.ok()) return all.error().message;
    return KnownList(all.value());
  }

 private:
  const DepartmentDirectory& directory_;
  std::map<std::string, bool> known_;
};

Result<RevenueEntry> ParseEntry(const std::string& path, const DelimitedRow& row,
                                DepartmentCheck* departments) {
  if (row.cells.size() != kHeader.size()) {
    return LineError(path, row.line,
                     "expected 4 columns (" + JoinHeader(kHeader) + "), found " +
                         std::to_string(row.cells.size()));
  }
  RevenueEntry entry;
  entry.line = row.line;
  entry.patient_id = row.cells[0];
  if (entry.patient_id.empty()) return RowError(path, row, 0, "no patient given");
  entry.department = row.cells[1];
  if (!departments->Known(entry.department)) {
    return RowError(path, row, 1,
                    "not a department in the store (" + departments->Explanation() + ")");
  }
  const Result<CalendarMonth> month = CalendarMonth::Parse(row.cells[2]);
  if (!month.ok()) return RowError(path, row, 2, "not a month (write YYYY-MM, e.g. 2026-10)");
  entry.month = month.value();
  std::string problem;
  if (!ParseEuroCents(row.cells[3], &entry.amount_cents, &problem)) {
    return RowError(path, row, 3, problem);
  }
  if (entry.amount_cents < 0) return RowError(path, row, 3, "a revenue amount cannot be negative");
  return entry;
}

}  // namespace

DepartmentDirectory FixedDepartments(std::set<std::string> names) {
  auto shared = std::make_shared<const std::set<std::string>>(std::move(names));
  return DepartmentDirectory{[shared](const std::string& name) { return shared->count(name) > 0; },
                             [shared]() { return Result<std::set<std::string>>(*shared); }};
}

std::vector<RevenueEntry> RevenueTable::InMonth(const CalendarMonth& month) const {
  std::vector<RevenueEntry> selected;
  for (const RevenueEntry& entry : entries) {
    if (entry.month == month) selected.push_back(entry);
  }
  return selected;
}

Result<RevenueTable> ReadRevenueTable(const std::string& path,
                                      const DepartmentDirectory& departments) {
  Result<std::vector<DelimitedRow>> rows = ReadDelimitedFile(path);
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) {
    return FileError(path, "the file is empty; expected the header " + JoinHeader(kHeader));
  }
  Status header = CheckHeader(path, rows.value()[0], kHeader);
  if (!header.ok()) return header.error();
  RevenueTable table;
  table.file_name = path;
  std::map<std::tuple<std::string, std::string, CalendarMonth>, int> line_of;
  DepartmentCheck check(departments);
  for (size_t i = 1; i < rows.value().size(); ++i) {
    const DelimitedRow& row = rows.value()[i];
    Result<RevenueEntry> entry = ParseEntry(path, row, &check);
    if (!entry.ok()) return entry.error();
    auto [seen, inserted] = line_of.emplace(
        std::make_tuple(entry.value().patient_id, entry.value().department, entry.value().month),
        row.line);
    if (!inserted) {
      // The patient's identifier stays out of the message: the line says which row.
      return FieldError(path, row.line, "patient", "",
                        "this patient already has an amount for " + entry.value().department +
                            " in " + entry.value().month.Key() + " on line " +
                            std::to_string(seen->second) +
                            " (one row per patient, department and month)");
    }
    table.entries.push_back(std::move(entry).value());
  }
  return table;
}

}  // namespace clusterpilot
