#include "reports/flagged_patient_list.h"

#include "core/cluster_assignment.h"
#include "reports/csv_table_writer.h"
#include "reports/dutch_number.h"

namespace clusterpilot {
namespace {

std::string ClusterText(int cluster) { return cluster == 0 ? "" : std::to_string(cluster); }

}  // namespace

std::string FlaggedPatientsCsv(const MonthSnapshot& snapshot) {
  std::string text(kUtf8ByteOrderMark);
  text += CsvLine({"department", "patient", "measurement", "rating_date", "cluster",
                   "classifier_cluster", "clinician_cluster", "flags", "top_probability (%)"});
  for (const PatientMonth& patient : snapshot.patients) {
    if (!patient.classified || patient.flags == 0) continue;
    const double top = patient.probabilities.empty() ? 0 : patient.probabilities[0].probability;
    text += CsvLine({snapshot.departments[patient.department], patient.patient_id,
                     std::to_string(patient.measurement_id), patient.rating_date,
                     ClusterText(patient.ReportedCluster()), ClusterText(patient.algorithm_cluster),
                     ClusterText(patient.clinician_cluster), FitFlagNames(patient.flags),
                     FormatPlainDecimal(top * 100.0, 1)});
  }
  return text;
}

}  // namespace clusterpilot
