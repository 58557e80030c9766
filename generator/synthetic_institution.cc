#include "generator/synthetic_institution.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "generator/department_mix.h"

namespace clusterpilot {
namespace {

// Standard distributions differ between standard libraries; these do not,
// so a seed gives the same institution everywhere.
int UniformInt(std::mt19937_64& random, int low, int high) {
  const uint64_t span = static_cast<uint64_t>(high - low) + 1;
  return low + static_cast<int>(random() % span);
}

bool Chance(std::mt19937_64& random, double probability) {
  return static_cast<double>(random() >> 11) * 0x1.0p-53 < probability;
}

template <typename Weighted, typename WeightOf>
size_t PickWeighted(std::mt19937_64& random, const std::vector<Weighted>& items,
                    WeightOf weight_of) {
  double total = 0;
  for (const Weighted& item : items) total += weight_of(item);
  double point = static_cast<double>(random() >> 11) * 0x1.0p-53 * total;
  for (size_t i = 0; i < items.size(); ++i) {
    point -= weight_of(items[i]);
    if (point < 0) return i;
  }
  return items.size() - 1;
}

// Most measurements are complete; some miss one or two items (a rater who
// did not know). About 3% of all items end up unknown.
void AddOccasionalUnknowns(ItemRatings& ratings, std::mt19937_64& random) {
  const int roll = UniformInt(random, 0, 99);
  const int unknown = roll < 60 ? 0 : roll < 85 ? 1 : 2;
  for (int i = 0; i < unknown; ++i) ratings[UniformInt(random, 0, kItemCount - 1)] = kUnknownRating;
}

const ClusterProfile* FindProfile(int cluster) {
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    if (profile.cluster == cluster) return &profile;
  }
  return nullptr;
}

// Review periods in months after the UK clustering tool (clustering.md).
int ReviewMonths(int cluster) {
  switch (cluster) {
    case 1:
      return 3;
    case 2:
      return 4;
    case 14:
    case 15:
      return 1;
    case 7:
    case 8:
    case 10:
    case 11:
    case 12:
    case 13:
    case 18:
      return 12;
    default:
      return 6;
  }
}

// Where a patient goes at the next rating when things improve or worsen;
// patients stay inside their supercluster.
int ImprovedCluster(int cluster) {
  static const int kImproved[22] = {0,  1,  1,  2,  3,  4,  3,  7,  4,  0,  11,
                                    11, 11, 12, 13, 12, 12, 13, 18, 19, 19, 20};
  return kImproved[cluster];
}

int WorsenedCluster(int cluster) {
  static const int kWorsened[22] = {0,  2,  3,  4,  5,  5,  6,  7,  8,  0,  13,
                                    12, 13, 14, 14, 15, 16, 14, 19, 20, 21, 21};
  return kWorsened[cluster];
}

int NextCluster(int cluster, std::mt19937_64& random) {
  if (cluster == kIllFittingCluster) return cluster;
  const int roll = UniformInt(random, 0, 99);
  if (roll < 25) return ImprovedCluster(cluster);
  if (roll < 35) return WorsenedCluster(cluster);
  return cluster;
}

// A re-rating: each item stays near its previous value, moved into the range
// of the (possibly new) cluster, so changes between months are plausible.
ItemRatings EvolveRatings(const ItemRatings& previous, const ClusterProfile& profile,
                          std::mt19937_64& random) {
  ItemRatings ratings;
  for (int item = 0; item < kItemCount; ++item) {
    const int low = profile.low[item];
    const int high = profile.high[item];
    int rating = previous[item] == kUnknownRating ? UniformInt(random, low, high) : previous[item];
    if (Chance(random, 0.3)) rating += Chance(random, 0.5) ? 1 : -1;
    ratings[item] = static_cast<int8_t>(std::clamp(rating, low, high));
  }
  AddOccasionalUnknowns(ratings, random);
  return ratings;
}

// The dynamic route asks HV06 and HV07 first and then only what decides the
// type: here the items that define the cluster.
void KeepDynamicRouteItems(ItemRatings& ratings, const ClusterProfile& profile) {
  for (int item = 0; item < kItemCount; ++item) {
    const bool asked = item == 5 || item == 6 || profile.weight[item] > 1.0;
    if (!asked) ratings[item] = kUnknownRating;
  }
}

Supercluster ChosenSupercluster(int cluster, std::mt19937_64& random) {
  const ClusterProfile* profile = FindProfile(cluster);
  const Supercluster truth =
      profile != nullptr ? profile->supercluster : Supercluster::kNonPsychotic;
  const int roll = UniformInt(random, 0, 99);
  if (profile == nullptr) return roll < 80 ? truth : Supercluster::kNone;
  if (roll < 90) return truth;
  if (roll < 96) return Supercluster::kNone;
  // A clinician who chose another supercluster than the ratings suggest.
  return static_cast<Supercluster>(static_cast<int>(truth) % 3 + 1);
}

char Hv08Type(int cluster, int8_t hv08, std::mt19937_64& random) {
  if (hv08 == kUnknownRating || hv08 == 0) return 0;
  const ClusterProfile* profile = FindProfile(cluster);
  const std::string types = profile != nullptr ? profile->hv08_types : std::string("FFFGH");
  return types[UniformInt(random, 0, static_cast<int>(types.size()) - 1)];
}

// A date in the month `month_index` months after the first month of the
// window.
CalendarDate DateInMonth(const SyntheticOptions& options, int month_index,
                         std::mt19937_64& random) {
  const CalendarMonth month = options.last_month.Plus(month_index - (options.months - 1));
  CalendarDate date = month.FirstDay();
  date.day = UniformInt(random, 1, month.Days());
  return date;
}

std::string PatientId(int index) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "SYN%06d", index + 1);
  return buffer;
}

// Of the patients of a department with a partner, the share the partner
// also treats (psychiatric and addiction care together): a few percent of
// all patients, so that the report shows allocation and shared patients.
constexpr double kCoTreatedShare = 0.05;

// The partner department's rating of a co-treated patient, later in the
// same month as the main department's: the same ratings by its own
// clinician, the main department coordinating.
void EmitPartnerRating(const DepartmentMix& partner, SyntheticMeasurement synthetic,
                       std::mt19937_64& side,
                       const std::function<void(const SyntheticMeasurement&)>& emit) {
  Measurement& measurement = synthetic.measurement;
  const CalendarMonth month = CalendarMonth::Of(measurement.rating_date);
  measurement.rating_date.day = UniformInt(side, measurement.rating_date.day, month.Days());
  measurement.department = partner.name;
  measurement.organisation = partner.organisation;
  measurement.clinician =
      partner.clinicians[UniformInt(side, 0, static_cast<int>(partner.clinicians.size()) - 1)];
  emit(synthetic);
}

// One patient's course through the window: rated at intake (or at the first
// review inside the window), then at each review until discharge.
void GeneratePatient(const SyntheticOptions& options, const std::vector<DepartmentMix>& departments,
                     int patient_index, std::mt19937_64& random,
                     const std::function<void(const SyntheticMeasurement&)>& emit) {
  const size_t department_index =
      PickWeighted(random, departments, [](const DepartmentMix& d) { return d.size; });
  const DepartmentMix& department = departments[department_index];
  int cluster = department
                    .clusters[PickWeighted(random, department.clusters,
                                           [](const ClusterShare& c) { return c.weight; })]
                    .cluster;
  const bool in_care_before_window = Chance(random, 0.5);
  const int first_span =
      in_care_before_window ? std::min(ReviewMonths(cluster), options.months) : options.months;
  int month = UniformInt(random, 0, first_span - 1);
  size_t clinician = static_cast<size_t>(
      UniformInt(random, 0, static_cast<int>(department.clinicians.size()) - 1));

  SyntheticMeasurement synthetic;
  Measurement& measurement = synthetic.measurement;
  measurement.patient_id = PatientId(patient_index);
  measurement.department = department.name;
  measurement.coordinating_department = department.name;
  measurement.organisation = department.organisation;
  // Co-treatment draws from its own stream, so that every other patient's
  // course stays as the seed has always made it.
  std::mt19937_64 side(options.seed * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(patient_index));
  const bool co_treated = department.partner >= 0 && Chance(side, kCoTreatedShare);
  bool first = true;
  while (month < options.months) {
    const ClusterProfile* profile = FindProfile(cluster);
    if (profile == nullptr) {
      measurement.ratings = SampleIllFittingRatings(random);
      measurement.route = RatingRoute::kFull;
    } else {
      measurement.ratings = first ? SampleTypicalRatings(*profile, random)
                                  : EvolveRatings(measurement.ratings, *profile, random);
      measurement.route = RatingRoute::kFull;
      if (Chance(random, 0.04)) {
        KeepDynamicRouteItems(measurement.ratings, *profile);
        measurement.route = RatingRoute::kDynamic;
      }
    }
    if (Chance(random, 0.15)) clinician = (clinician + 1) % department.clinicians.size();
    measurement.clinician = department.clinicians[clinician];
    measurement.rating_date = DateInMonth(options, month, random);
    measurement.supercluster = ChosenSupercluster(cluster, random);
    measurement.hv08_type = Hv08Type(cluster, measurement.ratings[7], random);
    synthetic.true_cluster = cluster;
    emit(synthetic);
    if (co_treated && (first || Chance(side, 0.7))) {
      EmitPartnerRating(departments[department.partner], synthetic, side, emit);
    }

    const double discharge = cluster == 1 || cluster == 2 ? 0.3 : 0.1;
    if (Chance(random, discharge)) break;
    month += ReviewMonths(cluster) + (Chance(random, 0.3) ? 1 : 0);
    cluster = NextCluster(cluster, random);
    first = false;
  }
}

}  // namespace

ItemRatings SampleTypicalRatings(const ClusterProfile& profile, std::mt19937_64& random) {
  ItemRatings ratings;
  for (int item = 0; item < kItemCount; ++item) {
    ratings[item] = static_cast<int8_t>(UniformInt(random, profile.low[item], profile.high[item]));
  }
  AddOccasionalUnknowns(ratings, random);
  return ratings;
}

ItemRatings SampleIllFittingRatings(std::mt19937_64& random) {
  ItemRatings ratings;
  ratings.fill(0);
  ratings[4] = static_cast<int8_t>(UniformInt(random, 3, 4));   // HV05 physical illness
  ratings[7] = static_cast<int8_t>(UniformInt(random, 3, 4));   // HV08 somatoform and the like
  ratings[6] = static_cast<int8_t>(UniformInt(random, 0, 1));   // HV07 hardly any low mood
  ratings[11] = static_cast<int8_t>(UniformInt(random, 1, 2));  // HV12 some loss of work
  if (Chance(random, 0.3)) ratings[9] = static_cast<int8_t>(UniformInt(random, 1, 2));  // HV10
  AddOccasionalUnknowns(ratings, random);
  return ratings;
}

void GenerateInstitution(const SyntheticOptions& options,
                         const std::function<void(const SyntheticMeasurement&)>& emit) {
  const std::vector<DepartmentMix> departments = SyntheticDepartments(options.departments);
  std::mt19937_64 random(options.seed);
  for (int patient = 0; patient < options.patients; ++patient) {
    GeneratePatient(options, departments, patient, random, emit);
  }
}

}  // namespace clusterpilot
