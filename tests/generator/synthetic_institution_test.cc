#include "generator/synthetic_institution.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "generator/department_mix.h"

namespace clusterpilot {
namespace {

const ClusterProfile& Profile(int cluster) {
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    if (profile.cluster == cluster) return profile;
  }
  ADD_FAILURE() << "no profile " << cluster;
  return DefaultClusterProfiles().front();
}

std::vector<SyntheticMeasurement> Generate(const SyntheticOptions& options) {
  std::vector<SyntheticMeasurement> all;
  GenerateInstitution(options, [&](const SyntheticMeasurement& m) { all.push_back(m); });
  return all;
}

std::string Describe(const SyntheticMeasurement& synthetic) {
  const Measurement& m = synthetic.measurement;
  std::string text = m.patient_id + "|" + m.department + "|" + m.rating_date.ToIso() + "|" +
                     m.clinician + "|" + SuperclusterName(m.supercluster) + "|" +
                     RatingRouteName(m.route) + "|" +
                     std::string(1, m.hv08_type ? m.hv08_type : '-');
  for (int8_t rating : m.ratings) text += std::to_string(rating) + ",";
  return text + std::to_string(synthetic.true_cluster);
}

TEST(SyntheticInstitutionTest, TypicalRatingsLieInsideTheProfileRanges) {
  std::mt19937_64 random(7);
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    int unknown = 0;
    constexpr int kSamples = 2000;
    for (int sample = 0; sample < kSamples; ++sample) {
      const ItemRatings ratings = SampleTypicalRatings(profile, random);
      EXPECT_LE(CountUnknown(ratings), 2);
      unknown += CountUnknown(ratings);
      for (int item = 0; item < kItemCount; ++item) {
        if (ratings[item] == kUnknownRating) continue;
        ASSERT_GE(ratings[item], profile.low[item]) << profile.cluster << " " << ItemCode(item);
        ASSERT_LE(ratings[item], profile.high[item]) << profile.cluster << " " << ItemCode(item);
      }
    }
    const double share = static_cast<double>(unknown) / (kSamples * kItemCount);
    EXPECT_GT(share, 0.015) << profile.cluster;
    EXPECT_LT(share, 0.045) << profile.cluster;
  }
}

TEST(SyntheticInstitutionTest, TypicalRatingsCoverTheWholeRange) {
  std::mt19937_64 random(3);
  const ClusterProfile& profile = Profile(4);  // HV02 1-3
  std::set<int> seen;
  for (int sample = 0; sample < 500; ++sample)
    seen.insert(SampleTypicalRatings(profile, random)[1]);
  seen.erase(kUnknownRating);
  EXPECT_EQ(seen, (std::set<int>{1, 2, 3}));
}

TEST(SyntheticInstitutionTest, IllFittingRatingsArePhysicalAndSomatoformOnly) {
  std::mt19937_64 random(11);
  for (int sample = 0; sample < 1000; ++sample) {
    const ItemRatings ratings = SampleIllFittingRatings(random);
    EXPECT_LE(CountUnknown(ratings), 2);
    if (ratings[4] != kUnknownRating) {
      EXPECT_GE(ratings[4], 3);  // HV05
    }
    if (ratings[7] != kUnknownRating) {
      EXPECT_GE(ratings[7], 3);  // HV08
    }
    for (int item : {0, 1, 2, 3, 5, 8, 10, 12, 13, 14, 15, 16, 17, 18}) {
      EXPECT_TRUE(ratings[item] == 0 || ratings[item] == kUnknownRating) << ItemCode(item);
    }
  }
}

TEST(SyntheticInstitutionTest, SameSeedSameInstitutionOtherSeedAnother) {
  SyntheticOptions options;
  options.patients = 300;
  options.seed = 42;
  std::vector<SyntheticMeasurement> first = Generate(options);
  std::vector<SyntheticMeasurement> again = Generate(options);
  ASSERT_EQ(first.size(), again.size());
  for (size_t i = 0; i < first.size(); ++i) ASSERT_EQ(Describe(first[i]), Describe(again[i]));
  options.seed = 43;
  std::vector<SyntheticMeasurement> other = Generate(options);
  size_t same = 0;
  for (size_t i = 0; i < std::min(first.size(), other.size()); ++i) {
    same += Describe(first[i]) == Describe(other[i]);
  }
  EXPECT_LT(same, first.size() / 10);
}

// A few percent of the patients are also rated by a partner department:
// addiction care beside a psychiatric department, in the other organisation.
TEST(SyntheticInstitutionTest, AFewPercentAreTreatedByTwoDepartments) {
  SyntheticOptions options;
  options.patients = 2000;
  std::map<std::string, std::set<std::string>> departments_of;
  std::map<std::string, std::string> organisation_of;
  for (const SyntheticMeasurement& synthetic : Generate(options)) {
    const Measurement& m = synthetic.measurement;
    departments_of[m.patient_id].insert(m.department);
    auto [it, inserted] = organisation_of.emplace(m.department, m.organisation);
    EXPECT_EQ(it->second, m.organisation) << m.department;
  }
  int shared = 0;
  for (const auto& [patient, departments] : departments_of) {
    ASSERT_LE(departments.size(), 2u) << patient;
    if (departments.size() == 1) continue;
    ++shared;
    EXPECT_EQ(departments.count("Verslavingszorg"), 1u) << patient;
  }
  EXPECT_GT(shared, 2000 * 2 / 100);
  EXPECT_LT(shared, 2000 * 6 / 100);
  EXPECT_EQ(organisation_of["Verslavingszorg"], "Verslavingszorg Synthetisch");
  EXPECT_EQ(organisation_of["Psychosezorg"], "GGZ Synthetisch");
}

TEST(SyntheticInstitutionTest, MeasurementsAreValidUniqueAndInsideTheWindow) {
  SyntheticOptions options;
  options.patients = 2000;
  options.months = 12;
  options.last_month = CalendarMonth(2026, 3);
  std::vector<SyntheticMeasurement> all = Generate(options);
  EXPECT_GT(all.size(), 2000u * 13 / 10);
  std::set<std::tuple<std::string, std::string, std::string>> keys;
  std::map<std::string, std::string> department_of;  // the main one: rated first
  std::map<std::string, std::string> last_month_of;  // in the main department
  std::set<std::string> departments;
  for (const SyntheticMeasurement& synthetic : all) {
    const Measurement& m = synthetic.measurement;
    ASSERT_TRUE(m.rating_date.IsValid());
    EXPECT_GE(m.rating_date, (CalendarDate{2025, 4, 1}));
    EXPECT_LE(m.rating_date, (CalendarDate{2026, 3, 31}));
    EXPECT_EQ(m.patient_id.size(), 9u);
    EXPECT_EQ(m.patient_id.rfind("SYN", 0), 0u);
    EXPECT_FALSE(m.clinician.empty());
    EXPECT_NE(m.route, RatingRoute::kUnknown);
    EXPECT_TRUE(keys.insert({m.patient_id, m.department, m.rating_date.ToIso()}).second);
    // One main department per patient, which coordinates, at most one
    // rating a month there, in date order; a partner's rating follows one of
    // those in the same month.
    auto [it, inserted] = department_of.emplace(m.patient_id, m.department);
    EXPECT_EQ(m.coordinating_department, it->second);
    if (it->second != m.department) {
      EXPECT_EQ(m.rating_date.MonthKey(), last_month_of[m.patient_id]);
    } else {
      if (!inserted) {
        EXPECT_GT(m.rating_date.MonthKey(), last_month_of[m.patient_id]);
      }
      last_month_of[m.patient_id] = m.rating_date.MonthKey();
    }
    departments.insert(m.department);
    if (m.hv08_type != 0) {
      EXPECT_GE(m.hv08_type, 'A');
      EXPECT_LE(m.hv08_type, 'J');
    }
  }
  EXPECT_EQ(departments.size(), 7u);
  EXPECT_LT(department_of.size(), all.size()) << "some patients must be re-rated";
}

TEST(SyntheticInstitutionTest, TypicalMeasurementsFitTheirTrueCluster) {
  SyntheticOptions options;
  options.patients = 3000;
  int typical = 0;
  int matching_choice = 0;
  int unknown_items = 0;
  int full_route = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    if (synthetic.true_cluster == 0) return;
    const Measurement& m = synthetic.measurement;
    const ClusterProfile& profile = Profile(synthetic.true_cluster);
    for (int item = 0; item < kItemCount; ++item) {
      if (m.ratings[item] == kUnknownRating) continue;
      ASSERT_GE(m.ratings[item], profile.low[item]) << synthetic.true_cluster << ItemCode(item);
      ASSERT_LE(m.ratings[item], profile.high[item]) << synthetic.true_cluster << ItemCode(item);
    }
    ++typical;
    matching_choice += m.supercluster == profile.supercluster;
    if (m.route == RatingRoute::kFull) {
      ++full_route;
      unknown_items += CountUnknown(m.ratings);
    }
  });
  EXPECT_GT(static_cast<double>(matching_choice) / typical, 0.85);
  EXPECT_LT(static_cast<double>(matching_choice) / typical, 0.95);
  EXPECT_LT(static_cast<double>(unknown_items) / (full_route * kItemCount), 0.04);
  EXPECT_GT(static_cast<double>(full_route) / typical, 0.9);
}

TEST(SyntheticInstitutionTest, ReRatingsChangePlausibly) {
  SyntheticOptions options;
  options.patients = 2000;
  std::map<std::string, SyntheticMeasurement> previous;
  int pairs = 0;
  int changed_cluster = 0;
  double total_change = 0;
  int compared_items = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    auto found = previous.find(synthetic.measurement.patient_id);
    if (found != previous.end() && synthetic.true_cluster != 0) {
      ++pairs;
      changed_cluster += found->second.true_cluster != synthetic.true_cluster;
      if (found->second.true_cluster == synthetic.true_cluster) {
        for (int item = 0; item < kItemCount; ++item) {
          const int before = found->second.measurement.ratings[item];
          const int after = synthetic.measurement.ratings[item];
          if (before == kUnknownRating || after == kUnknownRating) continue;
          EXPECT_LE(std::abs(after - before), 1);
          total_change += std::abs(after - before);
          ++compared_items;
        }
      }
    }
    previous[synthetic.measurement.patient_id] = synthetic;
  });
  ASSERT_GT(pairs, 200);
  EXPECT_GT(changed_cluster, pairs / 10);  // some improve or worsen
  EXPECT_LT(changed_cluster, pairs / 2);   // most stay
  EXPECT_GT(total_change / compared_items, 0.05);
}

TEST(SyntheticInstitutionTest, PsychosomaticsHasManyIllFittingPatients) {
  SyntheticOptions options;
  options.patients = 3000;
  std::map<std::string, std::pair<int, int>> ill_and_all;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    auto& [ill, all] = ill_and_all[synthetic.measurement.department];
    ill += synthetic.true_cluster == kIllFittingCluster;
    ++all;
  });
  const auto [ill, all] = ill_and_all["Psychosomatiek"];
  EXPECT_GT(static_cast<double>(ill) / all, 0.3);
  const auto [psychosis_ill, psychosis_all] = ill_and_all["Psychosezorg"];
  EXPECT_LT(static_cast<double>(psychosis_ill) / psychosis_all, 0.1);
}

}  // namespace
}  // namespace clusterpilot
