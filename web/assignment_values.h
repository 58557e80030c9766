// What every page that shows one cluster assignment names of it: which
// measurement, whose, where, when and by whom it was rated, and the model's
// cluster. The worklist's rows and the measurement page start from these.
#ifndef CLUSTERPILOT_WEB_ASSIGNMENT_VALUES_H_
#define CLUSTERPILOT_WEB_ASSIGNMENT_VALUES_H_

#include "store/assignment_listing.h"
#include "web/page_values.h"

namespace clusterpilot {

// JSON when `json`, else Mustache data: id, patient_id, department,
// rating_date, clinician and cluster.
PageValues AssignmentValues(const AssignmentRow& row, bool json);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_ASSIGNMENT_VALUES_H_
