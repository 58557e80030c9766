#include "reports/revenue_table.h"

#include <algorithm>
#include <filesystem>
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

// Room for every row of the file up front: growing the array moved each
// entry about twice and touched twice the memory. A row takes at least
// kShortestRowBytes ("P;A;2026-01;1,00" and its line end); the estimate
// is capped so that a huge file cannot reserve more than it could fill.
constexpr uintmax_t kShortestRowBytes = 18;
constexpr uintmax_t kMostRowsReserved = 4'000'000;

size_t RowsAtMost(const std::string& path) {
  std::error_code error;
  const uintmax_t bytes = std::filesystem::file_size(path, error);
  if (error) return 0;
  return static_cast<size_t>(std::min(bytes / kShortestRowBytes, kMostRowsReserved));
}

// The entries read so far, chained per patient: the first entry of a
// patient, and after each entry the patient's next one. A patient has a
// handful (a department a month), so finding the entry a row adds to walks
// a short chain, and only patient ids are hashed and kept: keying every
// entry by patient, department and month took a heap text per row.
class EntryIndex {
 public:
  // The index of the entry for `entry`'s patient, department and month,
  // or nullopt after chaining `entry` as the next one, `new_index`.
  std::optional<size_t> FindOrChain(const std::vector<RevenueEntry>& entries,
                                    const RevenueEntry& entry, size_t new_index) {
    const auto [first, inserted] = first_of_patient_.try_emplace(entry.patient_id, new_index);
    next_.push_back(kNone);
    if (inserted) return std::nullopt;
    size_t at = first->second;
    while (true) {
      const RevenueEntry& other = entries[at];
      if (other.month == entry.month && other.department == entry.department) {
        next_.pop_back();
        return at;
      }
      if (next_[at] == kNone) break;
      at = next_[at];
    }
    next_[at] = new_index;
    return std::nullopt;
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  std::unordered_map<std::string, size_t> first_of_patient_;
  std::vector<size_t> next_;  // per entry
};

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
  RevenueTable table;
  table.file_name = path;
  // A patient's rows of one department and month are summed into one
  // entry. The lines of the rows summed into an entry after its first are
  // kept apart (few entries have them), for the warning of a net credit.
  table.entries.reserve(RowsAtMost(path));
  EntryIndex index;
  std::unordered_map<size_t, std::vector<int>> later_lines_of;
  DepartmentCheck check(departments);
  Status read = ForEachDataRow(path, kHeader, [&](const DelimitedRow& row) -> Status {
    Result<RevenueEntry> entry = ParseEntry(path, row, &check);
    if (!entry.ok()) return entry.error();
    RevenueEntry& parsed = entry.value();
    const std::optional<size_t> found =
        index.FindOrChain(table.entries, parsed, table.entries.size());
    if (found) {
      table.entries[*found].amount_cents += parsed.amount_cents;
      later_lines_of[*found].push_back(parsed.line);
    } else {
      table.entries.push_back(std::move(parsed));
    }
    return Status::Ok();
  });
  if (!read.ok()) return read.error();
  for (size_t i = 0; i < table.entries.size(); ++i) {
    if (table.entries[i].amount_cents < 0) {
      std::vector<int> lines = {table.entries[i].line};
      if (auto later = later_lines_of.find(i); later != later_lines_of.end()) {
        lines.insert(lines.end(), later->second.begin(), later->second.end());
      }
      table.warnings.push_back(NetCreditWarning(path, table.entries[i], lines));
    }
  }
  return table;
}

}  // namespace clusterpilot
