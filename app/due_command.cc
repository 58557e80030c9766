#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <ostream>

#include "app/command_handlers.h"
#include "core/dutch_csv_writer.h"
#include "reports/due_list.h"
#include "reports/revenue_table.h"
#include "store/audit_log.h"
#include "store/latest_ratings.h"
#include "store/rating_lookup.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

struct DueOptions {
  DueQuery query;
  std::string department;  // "" for every department
  std::string clinician;   // "" for everyone
  std::string format;
  int discharged_after_months = kDefaultDischargedAfterMonths;
};

std::string ReadOptions(const CommandContext& context, DueOptions* options) {
  const std::optional<CalendarDate> as_of = CalendarDate::Parse(context.Get("as-of"));
  if (!as_of) {
    return context.Has("as-of") ? "--as-of \"" + context.Get("as-of") +
                                      "\": not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"
                                : "--as-of is required (`clusterpilot due --help`)";
  }
  options->query.as_of = *as_of;
  const std::string within = context.Get("within", "0");
  if (within.empty() || within.size() > 4 ||
      within.find_first_not_of("0123456789") != std::string::npos) {
    return "--within \"" + within + "\": a number of days, 0-9999";
  }
  options->query.within_days = std::stoi(within);
  options->format = context.Get("format", "csv");
  if (options->format != "csv" && options->format != "json") {
    return "--format \"" + options->format + "\": use csv or json";
  }
  options->department = context.Get("department");
  options->clinician = context.Get("clinician");
  std::string error;
  options->discharged_after_months = DischargedAfterMonths(context.settings, &error);
  return error;
}

std::string JoinNames(const std::set<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

// An unknown department would list nobody and look like good news.
Status CheckDepartment(Store& store, const std::string& department) {
  if (department.empty()) return Status::Ok();
  Result<bool> known = HasDepartment(store, department);
  if (!known.ok()) return known.error();
  if (known.value()) return Status::Ok();
  Result<std::set<std::string>> all = StoreDepartments(store);
  if (!all.ok()) return all.error();
  Error error =
      MakeError("not a department of the store (its departments: " + JoinNames(all.value()) + ")");
  error.field = "--department";
  error.value = department;
  return error;
}

Status ReadActivePatients(const CommandContext& context, Store& store, DueOptions* options) {
  if (!context.Has("revenue")) return Status::Ok();
  Result<RevenueTable> revenue =
      ReadRevenueTable(context.Get("revenue"), StoreDepartmentDirectory(store));
  if (!revenue.ok()) return revenue.error();
  options->query.active_patients = PatientsWithRecentRevenue(revenue.value(), options->query.as_of,
                                                             options->discharged_after_months);
  return Status::Ok();
}

std::string DueState(const DueRating& due) { return due.Overdue() ? "overdue" : "due"; }

void WriteCsv(const std::vector<DueRating>& list, std::ostream& out) {
  DutchCsvWriter csv;
  csv.ByteOrderMark();
  for (const char* label : {"patient", "department", "clinician", "last_rating", "cluster",
                            "review_period", "due", "status", "days_overdue"}) {
    csv.Text(label);
  }
  csv.EndLine();
  for (const DueRating& due : list) {
    csv.Text(due.last.patient_id).Text(due.last.department).Text(due.last.clinician);
    csv.Text(due.last.rating_date);
    if (due.last.final_cluster > 0) {
      csv.Integer(due.last.final_cluster);
    } else {
      csv.Empty();
    }
    csv.Text(due.period.Describe()).Text(due.due.ToIso()).Text(DueState(due));
    csv.Integer(due.days_overdue).EndLine();
  }
  out << csv.text();
}

void WriteJson(const std::vector<DueRating>& list, const DueOptions& options, std::ostream& out) {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("as_of", options.query.as_of.ToIso());
  root.set("within_days", options.query.within_days);
  root.set("department", options.department);
  root.set("clinician", options.clinician);
  root.set("discharged_after_months", options.query.active_patients
                                          ? Poco::Dynamic::Var(options.discharged_after_months)
                                          : Poco::Dynamic::Var());
  root.set("count", static_cast<int>(list.size()));
  Poco::JSON::Array::Ptr entries = new Poco::JSON::Array;
  for (const DueRating& due : list) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("patient", due.last.patient_id);
    entry->set("department", due.last.department);
    entry->set("clinician", due.last.clinician);
    entry->set("last_rating", due.last.rating_date);
    entry->set("measurement", due.last.measurement_id);
    entry->set("cluster", due.last.final_cluster > 0 ? Poco::Dynamic::Var(due.last.final_cluster)
                                                     : Poco::Dynamic::Var());
    entry->set("review_period", due.period.Describe());
    entry->set("due", due.due.ToIso());
    entry->set("status", DueState(due));
    entry->set("days_overdue", due.days_overdue);
    entries->add(entry);
  }
  root.set("due", entries);
  root.stringify(out, 2);
  out << "\n";
}

std::string AuditObject(const DueOptions& options, size_t count) {
  return "due ratings as of " + options.query.as_of.ToIso() + ", department " +
         (options.department.empty() ? "all" : options.department) + ", clinician " +
         (options.clinician.empty() ? "all" : options.clinician) + ": " + std::to_string(count) +
         " patients";
}

}  // namespace

int DischargedAfterMonths(const Settings& settings, std::string* error) {
  const int months =
      settings.GetInt("due.discharged_after_months", kDefaultDischargedAfterMonths, error);
  if (error->empty() && months < 1) *error = "due.discharged_after_months: at least 1";
  return months;
}

int RunDueCommand(CommandContext& context) {
  DueOptions options;
  const std::string usage = ReadOptions(context, &options);
  if (!usage.empty()) return context.Fail(usage, kExitUsage);
  auto store = Store::Open(context.DatabasePath(), Store::OpenMode::kMustExist);
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Store& db = *store.value();
  if (Status known = CheckDepartment(db, options.department); !known.ok()) {
    return context.Fail(known.error(), kExitUsage);
  }
  if (Status active = ReadActivePatients(context, db, &options); !active.ok()) {
    return context.Fail(active.error(), kExitInputRejected);
  }
  if (Status tuned = db.PrepareForOrderedLookups(); !tuned.ok()) {
    return context.Fail(tuned.error(), kExitInputRejected);
  }
  Result<std::vector<DueRating>> due =
      ReadDueRatings(db, {options.department}, options.clinician, options.query);
  if (!due.ok()) return context.Fail(due.error(), kExitInputRejected);
  const std::vector<DueRating>& list = due.value();
  // Audit first, then show.
  Status recorded =
      RecordAudit(db, context.User(), "read due ratings", AuditObject(options, list.size()));
  if (!recorded.ok()) return context.Fail(recorded.error(), kExitInputRejected);
  if (!options.query.active_patients) {
    *context.err << "clusterpilot due: no --revenue given, so patients discharged since their "
                    "last rating are listed too\n";
  }
  if (options.format == "json") {
    WriteJson(list, options, *context.out);
  } else {
    WriteCsv(list, *context.out);
  }
  return kExitSuccess;
}

}  // namespace clusterpilot
