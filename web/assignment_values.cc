#include "web/assignment_values.h"

namespace clusterpilot {

PageValues AssignmentValues(const AssignmentRow& row, bool json) {
  PageValues values(json);
  values.SetNumber("id", row.measurement_id);
  values.SetText("patient_id", row.patient_id);
  values.SetText("department", row.department);
  values.SetText("rating_date", row.rating_date);
  values.SetText("clinician", row.clinician);
  values.SetNumber("cluster", row.cluster);
  return values;
}

}  // namespace clusterpilot
