#include "reports/trend_month.h"

#include <charconv>
#include <map>

#include "reports/month_snapshot.h"
#include "store/month_summary.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// The first line of the text form; a change of the counts' layout changes
// it, and kept counts of the old form are then read again from the rows.
constexpr std::string_view kFormat = "trend-month 1\n";

// Every count of a department in the text form's order.
std::vector<int64_t*> CountsOf(DepartmentMonthCounts* d) {
  std::vector<int64_t*> counts;
  for (int64_t& count : d->clusters.by_cluster) counts.push_back(&count);
  counts.insert(counts.end(), {&d->clusters.no_cluster, &d->clusters.clinician_no_cluster,
                               &d->clusters.not_classified, &d->fit.classified});
  for (int64_t& count : d->fit.by_flag) counts.push_back(&count);
  counts.insert(counts.end(),
                {&d->fit.poor_fit, &d->activity.measurements, &d->activity.not_classified,
                 &d->activity.reviewed, &d->activity.changed});
  return counts;
}

// One department: "LENGTH:NAME COUNT COUNT ...\n" (the name as stored, any
// bytes but its length first).
void AppendDepartment(DepartmentMonthCounts department, std::string* text) {
  *text += std::to_string(department.department.size()) + ':' + department.department;
  for (const int64_t* count : CountsOf(&department)) *text += ' ' + std::to_string(*count);
  *text += '\n';
}

bool ReadNumber(std::string_view* text, int64_t* number) {
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), *number);
  if (error != std::errc() || end == text->data()) return false;
  text->remove_prefix(static_cast<size_t>(end - text->data()));
  return true;
}

bool ReadDepartment(std::string_view* text, DepartmentMonthCounts* department) {
  int64_t length = 0;
  if (!ReadNumber(text, &length) || text->empty() || text->front() != ':') return false;
  text->remove_prefix(1);
  if (length < 0 || static_cast<size_t>(length) > text->size()) return false;
  department->department = std::string(text->substr(0, static_cast<size_t>(length)));
  text->remove_prefix(static_cast<size_t>(length));
  for (int64_t* count : CountsOf(department)) {
    if (text->empty() || text->front() != ' ') return false;
    text->remove_prefix(1);
    if (!ReadNumber(text, count)) return false;
  }
  if (text->empty() || text->front() != '\n') return false;
  text->remove_prefix(1);
  return true;
}

}  // namespace

TrendMonth CountTrendMonth(const MonthSnapshot& snapshot) {
  TrendMonth month{CalendarMonth::Of(snapshot.first_day), {}};
  for (size_t d = 0; d < snapshot.departments.size(); ++d) {
    month.departments.push_back({snapshot.departments[d], {}, {}, snapshot.activity[d]});
  }
  for (const PatientMonth& patient : snapshot.patients) {
    DepartmentMonthCounts& department = month.departments[patient.department];
    department.clusters.Count(patient);
    department.fit.Count(patient);
  }
  return month;
}

std::string EncodeTrendMonth(const TrendMonth& month) {
  std::string text(kFormat);
  for (const DepartmentMonthCounts& department : month.departments) {
    AppendDepartment(department, &text);
  }
  return text;
}

std::optional<TrendMonth> DecodeTrendMonth(const CalendarMonth& month, std::string_view text) {
  if (!text.starts_with(kFormat)) return std::nullopt;
  text.remove_prefix(kFormat.size());
  TrendMonth decoded{month, {}};
  while (!text.empty()) {
    DepartmentMonthCounts department;
    if (!ReadDepartment(&text, &department)) return std::nullopt;
    decoded.departments.push_back(std::move(department));
  }
  return decoded;
}

Result<TrendMonth> LoadTrendMonth(Store& store, const CalendarMonth& month) {
  const CalendarDate first_day = month.FirstDay();
  const CalendarDate next_first_day = month.Plus(1).FirstDay();
  Result<std::optional<std::string>> kept = ReadMonthSummary(store, first_day, next_first_day);
  if (!kept.ok()) return kept.error();
  if (kept.value()) {
    std::optional<TrendMonth> decoded = DecodeTrendMonth(month, *kept.value());
    if (decoded) return std::move(*decoded);
  }
  MonthSummaryStamp stamp;
  Result<MonthSnapshot> snapshot = MonthSnapshot();
  Status read = store.InSnapshot([&]() -> Status {
    Result<MonthSummaryStamp> now = ReadMonthSummaryStamp(store, first_day, next_first_day);
    if (!now.ok()) return now.error();
    stamp = now.value();
    snapshot = LoadMonthClusters(store, month);
    return snapshot.ok() ? Status::Ok() : Status(snapshot.error());
  });
  if (!read.ok()) return read.error();
  TrendMonth counted = CountTrendMonth(snapshot.value());
  stamp.fully_classified = true;
  for (const DepartmentMonthCounts& department : counted.departments) {
    if (department.activity.not_classified > 0) stamp.fully_classified = false;
  }
  // Best effort (see the header): the counts stand whether kept or not.
  Status kept_now = WriteMonthSummary(store, first_day, stamp, EncodeTrendMonth(counted));
  static_cast<void>(kept_now);
  return counted;
}

}  // namespace clusterpilot
