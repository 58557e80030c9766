#include "reports/trajectory_export.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <ostream>

#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

std::string Decision(const PatientRating& rating) {
  if (!rating.review) return "";
  return DescribeDecision(rating.review->cluster, rating.review->outside_supercluster);
}

void WriteClusterCell(int cluster, DutchCsvWriter* csv) {
  if (cluster > 0) {
    csv->Integer(cluster);
  } else {
    csv->Empty();
  }
}

void WriteCsvRow(const TrajectoryPoint& point, DutchCsvWriter* csv) {
  const PatientRating& rating = point.rating;
  csv->Integer(rating.measurement_id).Text(rating.rating_date).Text(rating.department);
  csv->Text(rating.clinician).Text(SuperclusterName(rating.supercluster));
  WriteClusterCell(rating.classified ? rating.algorithm_cluster : 0, csv);
  csv->Text(Decision(rating));
  WriteClusterCell(rating.FinalCluster(), csv);
  csv->Integer(point.total).Integer(point.unknown_items);
  for (int subscale : point.subscales) csv->Integer(subscale);
  if (point.change) {
    csv->Integer(*point.change);
  } else {
    csv->Empty();
  }
  csv->Text(ChangeJudgementText(point.judgement)).EndLine();
}

Poco::Dynamic::Var ClusterValue(int cluster) {
  return cluster > 0 ? Poco::Dynamic::Var(cluster) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr NewObject() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Object::Ptr JsonPoint(const TrajectoryPoint& point) {
  const PatientRating& rating = point.rating;
  Poco::JSON::Object::Ptr entry = NewObject();
  entry->set("measurement", rating.measurement_id);
  entry->set("date", rating.rating_date);
  entry->set("department", rating.department);
  entry->set("clinician", rating.clinician);
  entry->set("supercluster", SuperclusterName(rating.supercluster));
  entry->set("algorithm_cluster", ClusterValue(rating.classified ? rating.algorithm_cluster : 0));
  const std::string decision = Decision(rating);
  entry->set("decision", decision.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(decision));
  entry->set("cluster", ClusterValue(rating.FinalCluster()));
  entry->set("cluster_text", FinalClusterText(rating));
  entry->set("total", point.total);
  entry->set("unknown_items", point.unknown_items);
  Poco::JSON::Object::Ptr subscales = NewObject();
  const char* names[kSubscaleCount] = {"behaviour", "impairment", "symptoms", "social"};
  for (int i = 0; i < kSubscaleCount; ++i) subscales->set(names[i], point.subscales[i]);
  entry->set("subscales", subscales);
  entry->set("change", point.change ? Poco::Dynamic::Var(*point.change) : Poco::Dynamic::Var());
  entry->set("judgement", ChangeJudgementText(point.judgement));
  return entry;
}

}  // namespace

std::string FinalClusterText(const PatientRating& rating) {
  if (rating.review) return DescribeDecision(rating.review->cluster, false);
  if (!rating.classified) return "not classified";
  if (rating.algorithm_cluster == 0) return "no cluster";
  return "cluster " + std::to_string(rating.algorithm_cluster);
}

void WriteTrajectoryCsv(const PatientTrajectory& trajectory, std::ostream& out) {
  DutchCsvWriter csv;
  csv.ByteOrderMark();
  for (const char* label :
       {"measurement", "date", "department", "clinician", "supercluster", "algorithm_cluster",
        "decision", "cluster", "total", "unknown_items", "behaviour", "impairment", "symptoms",
        "social", "change", "judgement"}) {
    csv.Text(label);
  }
  csv.EndLine();
  for (const TrajectoryPoint& point : trajectory.points) WriteCsvRow(point, &csv);
  out << csv.text();
}

void WriteTrajectoryJson(const PatientTrajectory& trajectory, std::ostream& out) {
  Poco::JSON::Object::Ptr root = NewObject();
  root->set("patient", trajectory.patient_id);
  Poco::JSON::Object::Ptr criterion = NewObject();
  criterion->set("points", trajectory.reliable_change_points);
  criterion->set("source", std::string(kReliableChangeSource));
  root->set("reliable_change", criterion);
  root->set("until", trajectory.until.ToIso());
  Poco::JSON::Array::Ptr departments = new Poco::JSON::Array;
  for (const std::string& department : trajectory.departments) departments->add(department);
  root->set("departments", departments);
  Poco::JSON::Array::Ptr ratings = new Poco::JSON::Array;
  for (const TrajectoryPoint& point : trajectory.points) ratings->add(JsonPoint(point));
  root->set("ratings", ratings);
  Poco::JSON::Array::Ptr times = new Poco::JSON::Array;
  for (const ClusterTime& time : trajectory.cluster_times) {
    Poco::JSON::Object::Ptr entry = NewObject();
    entry->set("cluster", ClusterValue(time.cluster));
    entry->set("days", time.days);
    times->add(entry);
  }
  root->set("time_in_cluster", times);
  root->stringify(out, 2);
  out << "\n";
}

}  // namespace clusterpilot
