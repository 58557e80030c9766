// Who coordinates a patient's care, as the exports say: the department of
// the coordinating clinician (regiebehandelaar) named on a measurement, and
// the organisation each department belongs to. The report's payment
// allocation (the cashier model) reads these; both are optional columns, so
// a store whose exports never named them answers with empty maps.
#ifndef CLUSTERPILOT_STORE_CARE_COORDINATION_H_
#define CLUSTERPILOT_STORE_CARE_COORDINATION_H_

#include <map>
#include <string>
#include <vector>

#include "core/calendar_date.h"
#include "core/error.h"

namespace clusterpilot {

class Store;

struct CareCoordination {
  // Patient id -> the coordinating department of their latest measurement
  // that names one; patients whose measurements never do are absent.
  std::map<std::string, std::string> coordinator_of_patient;
  // Department -> its organisation, as the latest of the read measurements
  // of that department names it; departments never named are absent.
  std::map<std::string, std::string> organisation_of_department;
};

// Reads the measurements of each of `patients` rated before `until`, one
// index seek per patient (the cost follows the caseload, not the history).
Result<CareCoordination> ReadCareCoordination(Store& store, const CalendarDate& until,
                                              const std::vector<std::string>& patients);

// The SQL ReadCareCoordination runs, for the report-path plan test
// (store/report_queries.h).
std::vector<std::string> CareCoordinationQueries();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_CARE_COORDINATION_H_
