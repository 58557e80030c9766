#include "app/assignment_export.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdio>
#include <ostream>
#include <string_view>

#include "core/assignment_explanation.h"
#include "core/cluster_assignment.h"

namespace clusterpilot {
namespace {

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

std::string CsvField(const std::string& text) {
  if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// 0.9865 -> "0,9865": Dutch Excel reads a decimal comma.
std::string DecimalComma(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  std::string text = buffer;
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text;
}

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

std::string ProbabilitiesText(const AssignmentRow& row) {
  std::vector<std::string> parts;
  for (const ClusterProbability& entry : Probabilities(row)) {
    parts.push_back(std::to_string(entry.cluster) + ": " + DecimalComma(entry.probability));
  }
  return Join(parts, " | ");
}

std::string ClusterText(int cluster) { return cluster > 0 ? std::to_string(cluster) : ""; }

std::vector<std::string> CsvRow(const AssignmentRow& row) {
  const bool over = row.clinician_override.has_value();
  return {std::to_string(row.measurement_id),
          row.patient_id,
          row.department,
          row.rating_date,
          row.clinician,
          SuperclusterName(row.supercluster),
          row.classified ? row.model_name + " " + row.model_version : "",
          ClusterText(row.cluster),
          row.cluster > 0 ? DecimalComma(row.probability) : "",
          ProbabilitiesText(row),
          FitFlagNames(row.flags),
          Join(SplitLines(row.flag_reasons), " | "),
          DescribeStoredExplanation(row.explanation),
          over ? std::to_string(row.clinician_override->cluster) : "",
          over ? row.clinician_override->reason : "",
          over ? row.clinician_override->by_user : "",
          over ? row.clinician_override->at : "",
          ClusterText(row.FinalCluster())};
}

Poco::Dynamic::Var ClusterValue(int cluster) {
  return cluster > 0 ? Poco::Dynamic::Var(cluster) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr JsonRow(const AssignmentRow& row) {
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
  entry->set("explanation", DescribeStoredExplanation(row.explanation));
  Poco::Dynamic::Var override_value;
  if (row.clinician_override) {
    Poco::JSON::Object::Ptr over = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    over->set("cluster", row.clinician_override->cluster);
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

void WriteAssignmentsCsv(const std::vector<AssignmentRow>& rows, std::ostream& out) {
  out << kUtf8Bom
      << "measurement;patient;department;date;clinician;supercluster;model;cluster;probability;"
         "probabilities;flags;flag_reasons;explanation;override_cluster;override_reason;"
         "override_by;override_at;final_cluster\r\n";
  for (const AssignmentRow& row : rows) {
    const std::vector<std::string> fields = CsvRow(row);
    for (size_t i = 0; i < fields.size(); ++i) out << (i == 0 ? "" : ";") << CsvField(fields[i]);
    out << "\r\n";
  }
}

void WriteAssignmentsJson(const std::vector<AssignmentRow>& rows, const AssignmentFilter& filter,
                          std::ostream& out) {
  Poco::JSON::Object document(Poco::JSON_PRESERVE_KEY_ORDER);
  document.set("month", filter.month);
  document.set("department", filter.department);
  document.set("count", static_cast<int64_t>(rows.size()));
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const AssignmentRow& row : rows) list->add(JsonRow(row));
  document.set("assignments", list);
  document.stringify(out, 2);
  out << "\n";
}

}  // namespace clusterpilot
