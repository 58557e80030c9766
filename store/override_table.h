// Clinicians' reviews (table clinician_override): a clinician's decision on
// a measurement's cluster, with a reason, who and when, kept beside the
// algorithm's result and never over it. The decision is a cluster, or that no
// cluster fits (cluster kNoFittingCluster), and may name a cluster outside the
// measurement's supercluster when the clinician says so on purpose. The
// latest review of a measurement is the one that counts; earlier ones stay as
// history, numbered by version 1, 2, ... per measurement.
//
// Optimistic reviewing (the web app): read the measurement's review version
// with ReadReviewSubject, show it, and pass it back as expected_version when
// saving; a review stored in between makes the save a conflict instead of
// silently replacing the other reviewer's decision.
#ifndef CLUSTERPILOT_STORE_OVERRIDE_TABLE_H_
#define CLUSTERPILOT_STORE_OVERRIDE_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/supercluster.h"
#include "store/classification_table.h"

namespace clusterpilot {

class Store;

// The cluster of a review that says no cluster fits the patient.
inline constexpr int kNoFittingCluster = 0;

struct ClinicianOverride {
  int64_t id = 0;
  int64_t measurement_id = 0;
  int cluster = 0;  // kNoFittingCluster: the clinician found no cluster fitting
  std::string reason;
  std::string by_user;
  std::string at;                     // UTC, ISO 8601
  int version = 0;                    // 1 for a measurement's first review
  bool outside_supercluster = false;  // chosen outside the measurement's supercluster

  bool NoFittingCluster() const { return cluster == kNoFittingCluster; }
};

// What a reviewer decides on: the measurement, its current classification
// and the model that made it, and how many reviews it has had.
struct ReviewSubject {
  int64_t measurement_id = 0;
  Supercluster supercluster = Supercluster::kNone;  // the clinician's choice at rating
  bool classified = false;                          // by the current model
  int algorithm_cluster = 0;                        // 0 when none
  ClusterModelRecord model;  // the model of the current classification; id 0 when none
  int version = 0;           // the latest review's version; 0 when never reviewed
};

// The measurement as a reviewer sees it; nullopt when there is no such
// measurement.
Result<std::optional<ReviewSubject>> ReadReviewSubject(Store& store, int64_t measurement_id);

// One decision to store. Checking the cluster against the model and the
// supercluster is the caller's job (it holds the model); the store checks
// the measurement, the reason and the version.
struct ReviewDecision {
  int64_t measurement_id = 0;
  int cluster = kNoFittingCluster;
  bool outside_supercluster = false;
  std::string reason;
  std::string by_user;
  // The version the reviewer saw; a different current version is a
  // conflict. nullopt stores the review whatever came before (the CLI).
  std::optional<int> expected_version;
};

// What the review replaced, for the audit log and the confirmation.
struct OverrideOutcome {
  ClinicianOverride stored;
  int algorithm_cluster = 0;  // the current classification's cluster; 0 when none
};

// Stores the review (stamping its time and next version) and its audit-log
// entry in one transaction. Refuses a measurement that does not exist, an
// empty reason and a stale expected_version (field "version"), storing
// nothing then.
Result<OverrideOutcome> RecordReview(Store& store, const ReviewDecision& decision);

// RecordReview of a plain cluster, without a version check.
Result<OverrideOutcome> RecordOverride(Store& store, int64_t measurement_id, int cluster,
                                       const std::string& reason, const std::string& by_user);

// Every review of the measurement, oldest first.
Result<std::vector<ClinicianOverride>> ReadOverrides(Store& store, int64_t measurement_id);

// "cluster 5", "no fitting cluster", "cluster 10 outside the supercluster":
// how outputs and the audit log name a decision.
std::string DescribeDecision(int cluster, bool outside_supercluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_OVERRIDE_TABLE_H_
