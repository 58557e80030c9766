// The stable names of the report's tables, columns and rows: file and sheet
// stems, JSON keys, and what the HTML key figures and the charts look up in
// the published tables. Each key is spelled here once; a typo elsewhere is a
// compile error instead of a lookup that silently finds nothing.
#ifndef CLUSTERPILOT_REPORTS_REPORT_KEYS_H_
#define CLUSTERPILOT_REPORTS_REPORT_KEYS_H_

#include <optional>
#include <string>

#include "core/supercluster.h"

namespace clusterpilot {

namespace table_id {
inline constexpr const char* kActivity = "activity";
inline constexpr const char* kHonos = "honos";
inline constexpr const char* kDistribution = "distribution";
inline constexpr const char* kDistributionPercent = "distribution_percent";
inline constexpr const char* kFit = "fit";
inline constexpr const char* kFitRanking = "fit_ranking";
inline constexpr const char* kOverrides = "overrides";
inline constexpr const char* kClusterRevenue = "cluster_revenue";
inline constexpr const char* kCaseloadRevenue = "caseload_revenue";
inline constexpr const char* kImpact = "impact";
inline constexpr const char* kPoorFitRevenue = "poor_fit_revenue";
inline constexpr const char* kChanges = "changes";
inline constexpr const char* kClusterShift = "cluster_shift";
inline constexpr const char* kMoves = "moves";
inline constexpr const char* kAllocation = "allocation";
inline constexpr const char* kOrganisationAllocation = "organisation_allocation";
inline constexpr const char* kTransitions = "transitions";
inline constexpr const char* kTrends = "trends";
inline constexpr const char* kTrendReviews = "trend_reviews";
inline constexpr const char* kTrendRevenue = "trend_revenue";
}  // namespace table_id

// Column keys; the fit table adds one column per fit flag, keyed by
// FitFlagName, and the distribution one per department (DepartmentKey).
namespace column_key {
// activity, changes, moves
inline constexpr const char* kPatients = "patients";
inline constexpr const char* kMeasurements = "measurements";
inline constexpr const char* kNotClassified = "not_classified";
inline constexpr const char* kRevenuePatients = "revenue_patients";
inline constexpr const char* kRatedInLastYear = "rated_in_last_year";
inline constexpr const char* kCoverage = "coverage";
// honos
inline constexpr const char* kCompletePatients = "complete_patients";
inline constexpr const char* kHonosTotal = "honos_total";
inline constexpr const char* kBehaviour = "behaviour";
inline constexpr const char* kImpairment = "impairment";
inline constexpr const char* kSymptoms = "symptoms";
inline constexpr const char* kSocial = "social";
// fit, fit_ranking
inline constexpr const char* kClassified = "classified";
inline constexpr const char* kPoorFit = "poor_fit";
inline constexpr const char* kPoorFitShare = "poor_fit_share";
// overrides
inline constexpr const char* kClassifiedMeasurements = "classified_measurements";
inline constexpr const char* kReviewed = "reviewed";
inline constexpr const char* kConfirmed = "confirmed";
inline constexpr const char* kChanged = "changed";
inline constexpr const char* kOverrideRate = "override_rate";
inline constexpr const char* kReviewShare = "review_share";
// cluster_revenue
inline constexpr const char* kPricedPatients = "priced_patients";
inline constexpr const char* kTariffLow = "tariff_low";
inline constexpr const char* kTariffExpected = "tariff_expected";
inline constexpr const char* kTariffHigh = "tariff_high";
inline constexpr const char* kMean = "mean";
inline constexpr const char* kP5 = "p5";
inline constexpr const char* kP50 = "p50";
inline constexpr const char* kP95 = "p95";
inline constexpr const char* kPricesOnlyP5 = "prices_only_p5";
inline constexpr const char* kPricesOnlyP95 = "prices_only_p95";
inline constexpr const char* kClassificationOnlyP5 = "classification_only_p5";
inline constexpr const char* kClassificationOnlyP95 = "classification_only_p95";
// caseload_revenue (with kCurrent, kDifference... of impact)
inline constexpr const char* kBilledPatients = "billed_patients";
inline constexpr const char* kBilledRevenue = "billed_revenue";
inline constexpr const char* kValidClusterPatients = "valid_cluster_patients";
inline constexpr const char* kMostLikely = "most_likely";
inline constexpr const char* kWithoutValidPatients = "without_valid_cluster_patients";
inline constexpr const char* kWithoutValidRevenue = "without_valid_cluster_revenue";
// impact (kCurrent also in cluster_shift)
inline constexpr const char* kRatedRevenuePatients = "rated_revenue_patients";
inline constexpr const char* kCurrent = "current";
inline constexpr const char* kExpected = "expected";
inline constexpr const char* kDifference = "difference";
inline constexpr const char* kDifferencePercent = "difference_percent";
inline constexpr const char* kDifferenceP5 = "difference_p5";
inline constexpr const char* kDifferenceP95 = "difference_p95";
inline constexpr const char* kUnratedPatients = "unrated_patients";
inline constexpr const char* kUnratedRevenue = "unrated_revenue";
// poor_fit_revenue
inline constexpr const char* kPoorFitPatients = "poor_fit_patients";
inline constexpr const char* kPoorFitExpected = "poor_fit_expected";
inline constexpr const char* kShareOfExpected = "share_of_expected";
// changes
inline constexpr const char* kRerated = "rerated";
inline constexpr const char* kMoved = "moved";
inline constexpr const char* kMovedShare = "moved_share";
// cluster_shift
inline constexpr const char* kPrevious = "previous";
inline constexpr const char* kPreviousPercent = "previous_percent";
inline constexpr const char* kCurrentPercent = "current_percent";
inline constexpr const char* kChangePoints = "change_points";
// allocation, organisation_allocation
inline constexpr const char* kPaidPatients = "paid_patients";
inline constexpr const char* kReceived = "received";
inline constexpr const char* kAllocated = "allocated";
inline constexpr const char* kOwed = "owed";
inline constexpr const char* kSharedPatients = "shared_patients";
// transitions (with kRerated; a column per cluster reached, "to:4", "to:0")
inline constexpr const char* kStability = "stability";
// trends (with kPatients, kPoorFit, kPoorFitShare), trend_reviews (the
// overrides table's keys), trend_revenue (kPricedPatients, kTariffExpected,
// kCurrent, kDifference)
inline constexpr const char* kNonPsychotic = "non_psychotic";
inline constexpr const char* kPsychotic = "psychotic";
inline constexpr const char* kOrganic = "organic";
inline constexpr const char* kWithoutCluster = "without_cluster";
}  // namespace column_key

// Row keys of the cluster tables and the moves table. The rows of a
// department table are keyed by DepartmentKey and kInstitution.
namespace row_key {
inline constexpr const char* kNoCluster = "no_cluster";
inline constexpr const char* kClinicianNoCluster = "clinician_no_cluster";
inline constexpr const char* kNotClassified = "not_classified";
inline constexpr const char* kTotal = "total";
inline constexpr const char* kOtherMoves = "other_moves";
inline constexpr const char* kAllMoves = "all_moves";
}  // namespace row_key

// The whole institution: the total row of a department table and the total
// column of the distribution.
inline constexpr const char* kInstitution = "institution";

// "department:Psychosomatics": a department's row, or its distribution column.
std::string DepartmentKey(const std::string& department);

// "cluster:4", "group:N" (a supercluster's heading), "supercluster:N" (its
// subtotal) and "move:4-7" rows.
std::string ClusterRowKey(int cluster);
std::string SuperclusterGroupKey(Supercluster supercluster);
std::string SuperclusterSubtotalKey(Supercluster supercluster);
std::string MoveRowKey(int from_cluster, int to_cluster);

// The cluster of a "cluster:N" key, or the supercluster of a
// "supercluster:N" key; nullopt for any other key.
std::optional<int> ClusterOfRowKey(const std::string& key);
std::optional<Supercluster> SuperclusterOfSubtotalKey(const std::string& key);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REPORT_KEYS_H_
