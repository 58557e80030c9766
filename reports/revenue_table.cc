#include "reports/revenue_table.h"

#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/department_name.h"
#include "reports/delimited_file.h"
#include "reports/dutch_number.h"
#include "store/rating_lookup.h"

namespace clusterpilot {
namespace {

const std::vector<std::string> kHeader = {"patient", "department", "month", "amount"};
constexpr size_t kDepartmentsNamedInError = 8;

Error RowError(const std::string& path, const DelimitedRow& row, int column, std::string message) {
  return FieldError(path, row.line, kHeader[column], row.cells[column], std::move(message));
}

std::string KnownList(const std::set<std::string>& known) {
  if (known.empty()) return "the store holds no measurements yet";
  return "known: " + DepartmentList(known, kDepartmentsNamedInError);
}

// Answers `exists` once per name; a name the store does not have as typed
// is matched against all the store's departments, ignoring case and accents.
class DepartmentCheck {
 public:
  explicit DepartmentCheck(const DepartmentDirectory& directory) : directory_(directory) {}
  // The store's spelling of `name`; nullopt when it has no such department.
  std::optional<std::string> Find(const std::string& name) {
    auto found = spelling_.find(name);
    if (found == spelling_.end()) {
      found = spelling_.emplace(name, directory_.exists(name) ? name : Spelled(name)).first;
    }
    return found->second;
  }
  std::string Explanation() {
    if (!all_) all_ = directory_.all();
    if (!all_->ok()) return all_->error().message;
    return KnownList(all_->value());
  }

 private:
  std::optional<std::string> Spelled(const std::string& name) {
    if (!all_) all_ = directory_.all();
    if (!all_->ok()) return std::nullopt;
    return MatchDepartment(name, all_->value());
  }

  const DepartmentDirectory& directory_;
  std::map<std::string, std::optional<std::string>> spelling_;
  std::optional<Result<std::set<std::string>>> all_;
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
  const std::optional<std::string> department = departments->Find(row.cells[1]);
  if (!department) {
    return RowError(path, row, 1,
                    "not a department in the store (" + departments->Explanation() + ")");
  }
  entry.department = *department;
  const Result<CalendarMonth> month = CalendarMonth::Parse(row.cells[2]);
  if (!month.ok()) return RowError(path, row, 2, "not a month (write YYYY-MM, e.g. 2026-10)");
  entry.month = month.value();
  std::string problem;
  if (!ParseEuroCents(row.cells[3], &entry.amount_cents, &problem)) {
    return RowError(path, row, 3, problem);
  }
  return entry;
}

// Patient, department and month as one text; the unit separator (0x1F)
// occurs in none of them.
std::string EntryKey(const RevenueEntry& entry) {
  return entry.patient_id + '\x1f' + entry.department + '\x1f' + entry.month.Key();
}

// The patient's identifier stays out of the warning: the lines say which rows.
RevenueWarning NetCreditWarning(const std::string& path, const RevenueEntry& entry,
                                const std::vector<int>& lines) {
  std::string line_list;
  for (const int line : lines) line_list += (line_list.empty() ? "" : ", ") + std::to_string(line);
  return RevenueWarning{entry.month, path + ":" + std::to_string(entry.line) +
                                         ": a patient's revenue in " + entry.department + " for " +
                                         entry.month.Key() + " nets " +
                                         FormatEuros(entry.amount_cents) +
                                         (lines.size() == 1 ? " (line " : " (lines ") + line_list +
                                         "): credit notes exceed the charges; counted as it nets"};
}

}  // namespace

DepartmentDirectory FixedDepartments(std::set<std::string> names) {
  auto shared = std::make_shared<const std::set<std::string>>(std::move(names));
  return DepartmentDirectory{[shared](const std::string& name) { return shared->count(name) > 0; },
                             [shared]() { return Result<std::set<std::string>>(*shared); }};
}

DepartmentDirectory StoreDepartmentDirectory(Store& store) {
  return DepartmentDirectory{[&store](const std::string& name) {
                               Result<bool> found = HasDepartment(store, name);
                               return found.ok() && found.value();
                             },
                             [&store]() { return StoreDepartments(store); }};
}

std::vector<std::string> RevenueTable::WarningsIn(const CalendarMonth& month) const {
  std::vector<std::string> selected;
  for (const RevenueWarning& warning : warnings) {
    if (warning.month == month) selected.push_back(warning.text);
  }
  return selected;
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
  // A patient's rows of one department and month are summed into one
  // entry. Room for every row up front: a file of 250,000 rows spent a
  // fifth of its reading time moving entries to larger arrays.
  std::unordered_map<std::string, size_t> index_of;
  std::vector<std::vector<int>> lines_of;  // per entry, every row summed into it
  index_of.reserve(rows.value().size());
  table.entries.reserve(rows.value().size());
  lines_of.reserve(rows.value().size());
  DepartmentCheck check(departments);
  for (size_t i = 1; i < rows.value().size(); ++i) {
    Result<RevenueEntry> entry = ParseEntry(path, rows.value()[i], &check);
    if (!entry.ok()) return entry.error();
    RevenueEntry& parsed = entry.value();
    const auto [found, inserted] = index_of.emplace(EntryKey(parsed), table.entries.size());
    if (inserted) {
      lines_of.push_back({parsed.line});
      table.entries.push_back(std::move(parsed));
    } else {
      table.entries[found->second].amount_cents += parsed.amount_cents;
      lines_of[found->second].push_back(parsed.line);
    }
  }
  for (size_t i = 0; i < table.entries.size(); ++i) {
    if (table.entries[i].amount_cents < 0) {
      table.warnings.push_back(NetCreditWarning(path, table.entries[i], lines_of[i]));
    }
  }
  return table;
}

}  // namespace clusterpilot
