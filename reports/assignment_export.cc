#include "reports/assignment_export.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <ostream>
#include <string_view>

#include "core/assignment_explanation.h"
#include "core/cluster_assignment.h"
#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    lines.emplace_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return lines;
}

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : separator) + part;
  return joined;
}

std::vector<ClusterProbability> Probabilities(const AssignmentRow& row) {
  std::vector<ClusterProbability> ranked;
  if (!DecodeProbabilities(row.probabilities, &ranked)) ranked.clear();
  return ranked;
}

// "4: 0,9865 | 5: 0,0132": Dutch Excel reads a decimal comma.
std::string ProbabilitiesText(const AssignmentRow& row) {
  std::vector<std::string> parts;
  for (const ClusterProbability& entry : Probabilities(row)) {
    parts.push_back(std::to_string(entry.cluster) + ": " +
                    FormatPlainDecimal(entry.probability, 4));
  }
  return Join(parts, " | ");
}

// No cluster is an empty cell.
void WriteCluster(int cluster, DutchCsvWriter* csv) {
  if (cluster > 0) {
    csv->Integer(cluster);
  } else {
    csv->Empty();
  }
}

// The clinician's decision in words and the review version, which the web
// app sends back to detect a conflicting save.
void WriteReview(const AssignmentRow& row, DutchCsvWriter* csv) {
  if (!row.clinician_override) {
    csv->Empty().Integer(0);
    return;
  }
  const ClinicianOverride& over = *row.clinician_override;
  csv->Text(DescribeDecision(over.cluster, over.outside_supercluster)).Integer(over.version);
}

void WriteCsvRow(const AssignmentRow& row, ExplanationLanguage language, DutchCsvWriter* csv) {
  csv->Integer(row.measurement_id).Text(row.patient_id).Text(row.department);
  csv->Text(row.rating_date).Text(row.clinician).Text(SuperclusterName(row.supercluster));
  csv->Text(row.classified ? row.model_name + " " + row.model_version : "");
  WriteCluster(row.cluster, csv);
  if (row.cluster > 0) {
    csv->Decimal(row.probability, 4);
  } else {
    csv->Empty();
  }
  csv->Text(ProbabilitiesText(row)).Text(FitFlagNames(row.flags));
  csv->Text(Join(SplitLines(row.flag_reasons), " | "));
  csv->Text(DescribeStoredExplanation(row.explanation, language));
  csv->Text(DescribeStoredCounterfactual(row.explanation, language));
  if (row.clinician_override) {
    const ClinicianOverride& over = *row.clinician_override;
    WriteCluster(over.cluster, csv);
    csv->Text(over.reason).Text(over.by_user).Text(over.at);
  } else {
    csv->Empty().Empty().Empty().Empty();
  }
  WriteCluster(row.FinalCluster(), csv);
  WriteReview(row, csv);
  csv->EndLine();
}

Poco::Dynamic::Var ClusterValue(int cluster) {
  return cluster > 0 ? Poco::Dynamic::Var(cluster) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr JsonRow(const AssignmentRow& row, ExplanationLanguage language) {
  Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  entry->set("measurement", row.measurement_id);
  entry->set("patient", row.patient_id);
  entry->set("department", row.department);
  entry->set("date", row.rating_date);
  entry->set("clinician", row.clinician);
  entry->set("supercluster", SuperclusterName(row.supercluster));
  Poco::JSON::Object::Ptr model;
  if (row.classified) {
    model = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    model->set("name", row.model_name);
    model->set("version", row.model_version);
  }
  entry->set("model", model.isNull() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(model));
  entry->set("cluster", ClusterValue(row.cluster));
  entry->set("probability",
             row.cluster > 0 ? Poco::Dynamic::Var(row.probability) : Poco::Dynamic::Var());
  Poco::JSON::Object::Ptr probabilities = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const ClusterProbability& p : Probabilities(row)) {
    probabilities->set(std::to_string(p.cluster), p.probability);
  }
  entry->set("probabilities", probabilities);
  Poco::JSON::Array::Ptr flags = new Poco::JSON::Array;
  for (uint32_t flag : kAllFitFlags) {
    if ((row.flags & flag) != 0) flags->add(std::string(FitFlagName(flag)));
  }
  entry->set("flags", flags);
  Poco::JSON::Array::Ptr reasons = new Poco::JSON::Array;
  for (const std::string& reason : SplitLines(row.flag_reasons)) reasons->add(reason);
  entry->set("flag_reasons", reasons);
  entry->set("explanation", DescribeStoredExplanation(row.explanation, language));
  const std::string counterfactual = DescribeStoredCounterfactual(row.explanation, language);
  entry->set("counterfactual",
             counterfactual.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(counterfactual));
  Poco::Dynamic::Var override_value;
  if (row.clinician_override) {
    Poco::JSON::Object::Ptr over = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    over->set("cluster", ClusterValue(row.clinician_override->cluster));
    over->set("no_fitting_cluster", row.clinician_override->NoFittingCluster());
    over->set("outside_supercluster", row.clinician_override->outside_supercluster);
    over->set("version", row.clinician_override->version);
    over->set("reason", row.clinician_override->reason);
    over->set("by", row.clinician_override->by_user);
    over->set("at", row.clinician_override->at);
    override_value = over;
  }
  entry->set("override", override_value);
  entry->set("final_cluster", ClusterValue(row.FinalCluster()));
  return entry;
}

}  // namespace

void WriteAssignmentsCsv(const std::vector<AssignmentRow>& rows, ExplanationLanguage language,
                         std::ostream& out) {
  DutchCsvWriter csv;
  csv.ByteOrderMark();
  for (const char* label :
       {"measurement",     "patient",      "department",  "date",           "clinician",
        "supercluster",    "model",        "cluster",     "probability",    "probabilities",
        "flags",           "flag_reasons", "explanation", "counterfactual", "override_cluster",
        "override_reason", "override_by",  "override_at", "final_cluster",  "override_decision",
        "review_version"}) {
    csv.Text(label);
  }
  csv.EndLine();
  for (const AssignmentRow& row : rows) {
    WriteCsvRow(row, language, &csv);
    out << csv.text();
    csv.Clear();
  }
  out << csv.text();
}

void WriteAssignmentsJson(const std::vector<AssignmentRow>& rows, const AssignmentFilter& filter,
                          ExplanationLanguage language, std::ostream& out) {
  Poco::JSON::Object document(Poco::JSON_PRESERVE_KEY_ORDER);
  document.set("month", filter.month ? filter.month->Key() : "");
  document.set("department", filter.department);
  document.set("count", static_cast<int64_t>(rows.size()));
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const AssignmentRow& row : rows) list->add(JsonRow(row, language));
  document.set("assignments", list);
  document.stringify(out, 2);
  out << "\n";
}

}  // namespace clusterpilot
