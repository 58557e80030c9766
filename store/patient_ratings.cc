#include "store/patient_ratings.h"

#include "store/rating_columns.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

enum Column {
  kId,
  kDepartment,
  kRatingDate,
  kClinician,
  kSupercluster,
  kClassificationId,
  kCluster,
  kFlags,
  kReviewId,
  kReviewCluster,
  kReason,
  kBy,
  kAt,
  kVersion,
  kOutside,
  kFirstItem,
};

std::string SelectSql() {
  return "SELECT m.id, m.department, m.rating_date, coalesce(m.clinician, ''), m.supercluster, "
         "c.id, c.cluster, c.flags, o.id, o.cluster, o.reason, o.by_user, o.at, o.version, "
         "o.outside_supercluster, " +
         RatingColumnList("m") +
         " FROM measurement m "
         "LEFT JOIN current_classification c ON c.measurement_id = m.id "
         "LEFT JOIN clinician_override o ON o.id = "
         "  (SELECT max(id) FROM clinician_override WHERE measurement_id = m.id) "
         "WHERE m.patient_id = ? ORDER BY m.rating_date, m.department, m.id";
}

std::string Text(const SqlStatement& row, int column) { return std::string(row.Text(column)); }

PatientRating ReadRow(const SqlStatement& row) {
  PatientRating rating;
  rating.measurement_id = row.Int(kId);
  rating.department = Text(row, kDepartment);
  rating.rating_date = Text(row, kRatingDate);
  rating.clinician = Text(row, kClinician);
  const int64_t supercluster = row.Int(kSupercluster);
  if (supercluster >= 0 && supercluster <= 3) {
    rating.supercluster = static_cast<Supercluster>(supercluster);
  }
  rating.ratings = ReadRatings(row, kFirstItem);
  rating.classified = !row.IsNull(kClassificationId);
  if (rating.classified) {
    rating.algorithm_cluster = row.IsNull(kCluster) ? 0 : static_cast<int>(row.Int(kCluster));
    rating.flags = static_cast<uint32_t>(row.Int(kFlags));
  }
  if (!row.IsNull(kReviewId)) {
    rating.review = ClinicianOverride{row.Int(kReviewId),
                                      rating.measurement_id,
                                      static_cast<int>(row.Int(kReviewCluster)),
                                      Text(row, kReason),
                                      Text(row, kBy),
                                      Text(row, kAt),
                                      static_cast<int>(row.Int(kVersion)),
                                      row.Int(kOutside) != 0};
  }
  return rating;
}

}  // namespace

Result<std::vector<PatientRating>> ReadPatientRatings(Store& store, const std::string& patient_id) {
  SqlStatement select(store, SelectSql());
  select.BindText(1, patient_id);
  std::vector<PatientRating> ratings;
  while (select.Step()) ratings.push_back(ReadRow(select));
  if (!select.status().ok()) return select.status().error();
  return ratings;
}

}  // namespace clusterpilot
