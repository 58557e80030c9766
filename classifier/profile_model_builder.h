// Turns the compact profile form of a cluster (an expected range per item
// plus a weight) into the regulation's form (a coefficient per item and
// rating), so both kinds of model score the same way.
//
// The expansion reads a profile as a distribution of ratings: inside the
// range every rating is equally likely and together they hold
// 1 - outside_share of the probability; the rest lies outside and falls by
// step_decay for each step further from the range. The coefficient of a
// rating is weight x ln(its probability), so the score of a cluster is a
// weighted log-likelihood of the ratings, a narrow range earns more than a
// wide one for a rating inside it, and a rating far outside costs more than
// one just outside.
#ifndef CLUSTERPILOT_CLASSIFIER_PROFILE_MODEL_BUILDER_H_
#define CLUSTERPILOT_CLASSIFIER_PROFILE_MODEL_BUILDER_H_

#include <vector>

#include "classifier/cluster_model.h"
#include "core/cluster_profile.h"

namespace clusterpilot {

using ItemCoefficients = std::array<std::array<double, kMaxRating + 1>, kItemCount>;

// The coefficients of one profile; an item of weight 0 gets all zeros.
ItemCoefficients ExpandProfileCoefficients(const ClusterProfile& profile,
                                           const ProfileExpansion& expansion);

// Red rules read off the profiles: a rating three or more steps above the
// range of an item that defines a cluster (weight 2 or more) excludes that
// cluster. Rules with the same condition are merged, clusters in ascending
// order; rules are ordered by item, then rating.
std::vector<RedRule> DeriveRedRules(const std::vector<ClusterProfile>& profiles);

// A model definition with one profile-form cluster per profile and the
// derived red rules; name, version, description, thresholds and conflict
// rules are left for the caller.
ClusterModelDefinition BuildProfileModelDefinition(const std::vector<ClusterProfile>& profiles);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_PROFILE_MODEL_BUILDER_H_
