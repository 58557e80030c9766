// The work list of `clusterpilot assignments` as CSV for Dutch Excel (';',
// decimal comma, UTF-8 with BOM) or as JSON for machines. Both carry the
// same fields; sentences stay sentences in both.
#ifndef CLUSTERPILOT_REPORTS_ASSIGNMENT_EXPORT_H_
#define CLUSTERPILOT_REPORTS_ASSIGNMENT_EXPORT_H_

#include <iosfwd>
#include <vector>

#include "core/assignment_explanation.h"
#include "store/assignment_listing.h"

namespace clusterpilot {

// Columns: measurement;patient;department;date;clinician;supercluster;model;
// cluster;probability;probabilities;flags;flag_reasons;explanation;
// counterfactual;override_cluster;override_reason;override_by;override_at;
// final_cluster;override_decision ("cluster 5", "no fitting cluster",
// "cluster 10 outside the supercluster");review_version (0 when never
// reviewed). probabilities reads "4: 0,9865 | 5: 0,0132"; flag reasons are
// joined by " | ". Explanation and counterfactual are worded in `language`.
void WriteAssignmentsCsv(const std::vector<AssignmentRow>& rows, ExplanationLanguage language,
                         std::ostream& out);

// {"month": ..., "department": ..., "count": N, "assignments": [{...}]} with
// probabilities as {"4": 0.9865, ...}, flags and flag_reasons as arrays and
// override as an object or null, counterfactual as a sentence or null.
void WriteAssignmentsJson(const std::vector<AssignmentRow>& rows, const AssignmentFilter& filter,
                          ExplanationLanguage language, std::ostream& out);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_ASSIGNMENT_EXPORT_H_
