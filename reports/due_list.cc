#include "reports/due_list.h"

#include <algorithm>
#include <tuple>

namespace clusterpilot {
namespace {

std::optional<DueRating> DueAfter(const LatestRating& last, const DueQuery& query) {
  const std::optional<CalendarDate> rated = CalendarDate::Parse(last.rating_date);
  if (!rated) return std::nullopt;
  DueRating due;
  due.last = last;
  due.period = ReviewPeriodOf(last.final_cluster);
  due.due = due.period.DueAfter(*rated);
  due.days_overdue = query.as_of.DaysSinceEpoch() - due.due.DaysSinceEpoch();
  if (due.days_overdue < -query.within_days) return std::nullopt;
  return due;
}

// The last day a rating can have been made and still fall due by as_of +
// within_days: a later one is due for no cluster.
CalendarDate LastRatingDayThatCanFallDue(const DueQuery& query) {
  return query.as_of.PlusDays(query.within_days - kShortestReviewDays);
}

}  // namespace

LatestRatingFilter DueCandidates(const std::string& department, const std::string& clinician,
                                 const DueQuery& query) {
  return {department, clinician, LastRatingDayThatCanFallDue(query).ToIso()};
}

namespace {

void KeepIfDue(const LatestRating& last, const DueQuery& query, std::vector<DueRating>* due) {
  if (query.active_patients && query.active_patients->count(last.patient_id) == 0) return;
  if (std::optional<DueRating> entry = DueAfter(last, query)) due->push_back(std::move(*entry));
}

void MostOverdueFirst(std::vector<DueRating>* due) {
  std::sort(due->begin(), due->end(), [](const DueRating& a, const DueRating& b) {
    return std::tie(b.days_overdue, a.last.patient_id) <
           std::tie(a.days_overdue, b.last.patient_id);
  });
}

}  // namespace

Result<std::vector<DueRating>> ReadDueRatings(Store& store,
                                              const std::vector<std::string>& departments,
                                              const std::string& clinician, const DueQuery& query) {
  std::vector<DueRating> due;
  for (const std::string& department : departments) {
    Status read =
        ForEachLatestRating(store, DueCandidates(department, clinician, query),
                            [&](const LatestRating& last) { KeepIfDue(last, query, &due); });
    if (!read.ok()) return read.error();
  }
  MostOverdueFirst(&due);
  return due;
}

PatientSet PatientsWithRecentRevenue(const RevenueTable& revenue, const CalendarDate& as_of,
                                     int months) {
  const CalendarMonth last = CalendarMonth::Of(as_of);
  const CalendarMonth first = last.Plus(-(months - 1));
  PatientSet active;
  active.reserve(revenue.entries.size());
  for (const RevenueEntry& entry : revenue.entries) {
    if (entry.month >= first && entry.month <= last) active.insert(entry.patient_id);
  }
  return active;
}

}  // namespace clusterpilot
