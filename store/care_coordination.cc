#include "store/care_coordination.h"

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Oldest first, so that a later measurement's naming overrides an earlier one.
constexpr const char* kPatientCoordination =
    "SELECT department, coordinating_department, organisation FROM measurement "
    "WHERE patient_id = ?1 AND rating_date < ?2 "
    "AND (coordinating_department IS NOT NULL OR organisation IS NOT NULL) "
    "ORDER BY rating_date, id";

}  // namespace

std::vector<std::string> CareCoordinationQueries() { return {kPatientCoordination}; }

Result<CareCoordination> ReadCareCoordination(Store& store, const CalendarDate& until,
                                              const std::vector<std::string>& patients) {
  const std::string until_iso = until.ToIso();
  CareCoordination coordination;
  // One read transaction for all patients (see ReadLatestRatings).
  Status read = store.InSnapshot([&]() -> Status {
    SqlStatement select(store, kPatientCoordination);
    for (const std::string& patient : patients) {
      select.BindText(1, patient);
      select.BindText(2, until_iso);
      while (select.Step()) {
        if (!select.IsNull(1)) {
          coordination.coordinator_of_patient[patient] = std::string(select.Text(1));
        }
        if (!select.IsNull(2)) {
          coordination.organisation_of_department[std::string(select.Text(0))] =
              std::string(select.Text(2));
        }
      }
      select.Reset();
    }
    return select.status();
  });
  if (!read.ok()) return read.error();
  return coordination;
}

}  // namespace clusterpilot
