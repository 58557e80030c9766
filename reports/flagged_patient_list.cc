#include "reports/flagged_patient_list.h"

#include "core/cluster_assignment.h"
#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

// No cluster is an empty cell.
void WriteCluster(int cluster, DutchCsvWriter* csv) {
  if (cluster == 0) {
    csv->Empty();
  } else {
    csv->Integer(cluster);
  }
}

}  // namespace

std::string FlaggedPatientsCsv(const MonthSnapshot& snapshot) {
  DutchCsvWriter csv;
  csv.ByteOrderMark();
  for (const char* label :
       {"department", "patient", "measurement", "rating_date", "cluster", "classifier_cluster",
        "clinician_cluster", "flags", "top_probability (%)"}) {
    csv.Text(label);
  }
  csv.EndLine();
  for (const PatientMonth& patient : snapshot.patients) {
    if (!patient.classified || patient.flags == 0) continue;
    const double top = patient.probabilities.empty() ? 0 : patient.probabilities[0].probability;
    csv.Text(snapshot.departments[patient.department]).Text(patient.patient_id);
    csv.Integer(patient.measurement_id).Text(patient.rating_date);
    WriteCluster(patient.ReportedCluster(), &csv);
    WriteCluster(patient.algorithm_cluster, &csv);
    WriteCluster(patient.clinician_cluster, &csv);
    csv.Text(FitFlagNames(patient.flags)).Decimal(top * 100.0, 1).EndLine();
  }
  return csv.Take();
}

}  // namespace clusterpilot
