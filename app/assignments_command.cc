#include <fstream>
#include <optional>
#include <ostream>
#include <set>

#include "app/command_handlers.h"
#include "core/department_name.h"
#include "reports/assignment_export.h"
#include "store/assignment_listing.h"
#include "store/audit_log.h"
#include "store/rating_lookup.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Which patients' assignments were read, for the audit log.
std::string AuditObject(const AssignmentFilter& filter, const std::vector<AssignmentRow>& rows) {
  std::set<std::string> patients;
  for (const AssignmentRow& row : rows) patients.insert(row.patient_id);
  return "assignments of month " + (filter.month ? filter.month->Key() : "all") + ", department " +
         (filter.department.empty() ? "all" : filter.department) + ": " +
         std::to_string(rows.size()) + " measurements of " + std::to_string(patients.size()) +
         " patients";
}

void Write(const std::string& format, const std::vector<AssignmentRow>& rows,
           const AssignmentFilter& filter, ExplanationLanguage language, std::ostream& out) {
  if (format == "json") {
    WriteAssignmentsJson(rows, filter, language, out);
  } else {
    WriteAssignmentsCsv(rows, language, out);
  }
}

// The store's spelling of --department, whatever its case or accents; a
// name the store does not know is a usage error that lists the known ones.
Result<std::string> StoreSpelling(Store& store, const std::string& typed) {
  Result<std::set<std::string>> known = StoreDepartments(store);
  if (!known.ok()) return known.error();
  const std::optional<std::string> spelled = MatchDepartment(typed, known.value());
  if (spelled) return *spelled;
  Error error = MakeError(
      known.value().empty()
          ? "not a department in the store; it holds no measurements yet"
          : "not a department in the store (known: " + DepartmentList(known.value()) + ")");
  error.field = "--department";
  error.value = typed;
  return error;
}

}  // namespace

int RunAssignmentsCommand(CommandContext& context) {
  AssignmentFilter filter;
  filter.department = context.Get("department");
  if (!context.Get("month").empty()) {
    const Result<CalendarMonth> month = context.Month("month");
    if (!month.ok()) return context.Fail(month.error(), kExitUsage);
    filter.month = month.value();
  }
  const std::string format = context.Get("format", "csv");
  if (format != "csv" && format != "json") {
    return context.Fail("--format \"" + format + "\": use csv or json", kExitUsage);
  }
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  if (!filter.department.empty()) {
    Result<std::string> spelled = StoreSpelling(*store.value(), filter.department);
    if (!spelled.ok()) {
      const bool unknown = spelled.error().field == "--department";
      return context.Fail(spelled.error(), unknown ? kExitUsage : kExitInputRejected);
    }
    filter.department = spelled.value();
  }
  Result<std::vector<AssignmentRow>> rows = ReadAssignments(*store.value(), filter);
  if (!rows.ok()) return context.Fail(rows.error(), kExitInputRejected);
  // Audit first, then show: nothing is written unless the read is on record.
  Status recorded = RecordAudit(*store.value(), context.User(), "read assignments",
                                AuditObject(filter, rows.value()));
  if (!recorded.ok()) return context.Fail(recorded.error(), kExitInputRejected);
  // Explanations speak the report's language (setting report.language).
  const ExplanationLanguage language =
      ExplanationLanguageFromSetting(context.settings.GetString("report.language", "nl"));
  if (context.Has("out")) {
    std::ofstream file(context.Get("out"), std::ios::binary);
    if (file) Write(format, rows.value(), filter, language, file);
    if (!file) return context.Fail(context.Get("out") + ": cannot be written", kExitInputRejected);
  } else {
    Write(format, rows.value(), filter, language, *context.out);
  }
  return kExitSuccess;
}

}  // namespace clusterpilot
