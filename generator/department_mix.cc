#include "generator/department_mix.h"

#include <algorithm>

namespace clusterpilot {
namespace {

struct NamedDepartment {
  const char* name;
  double size;
  std::vector<ClusterShare> clusters;
};

// Our reading of which patients each kind of department treats; the weights
// are illustrative, not statistics of any institution.
const std::vector<NamedDepartment>& NamedDepartments() {
  static const std::vector<NamedDepartment> departments = {
      {"Angst en Stemming",
       3.0,
       {{1, 20}, {2, 25}, {3, 25}, {4, 15}, {5, 5}, {6, 5}, {kIllFittingCluster, 5}}},
      {"Psychosezorg",
       2.0,
       {{10, 12},
        {11, 20},
        {12, 20},
        {13, 15},
        {14, 6},
        {15, 7},
        {16, 10},
        {17, 8},
        {kIllFittingCluster, 2}}},
      {"Ouderenpsychiatrie",
       2.0,
       {{18, 15}, {19, 25}, {20, 20}, {21, 15}, {4, 8}, {7, 7}, {12, 5}, {kIllFittingCluster, 5}}},
      {"Verslavingszorg",
       1.5,
       {{8, 25}, {16, 20}, {3, 20}, {4, 15}, {7, 10}, {kIllFittingCluster, 10}}},
      {"Persoonlijkheidsstoornissen",
       1.5,
       {{8, 40}, {4, 20}, {5, 15}, {3, 10}, {7, 5}, {kIllFittingCluster, 10}}},
      {"Psychosomatiek",
       1.0,
       {{kIllFittingCluster, 45}, {6, 20}, {1, 10}, {2, 10}, {3, 10}, {7, 5}}},
      {"Ambulante cliëntenzorg (FACT)",
       2.0,
       {{7, 25}, {11, 20}, {12, 25}, {13, 10}, {16, 8}, {17, 7}, {kIllFittingCluster, 5}}},
  };
  return departments;
}

const char* const kRegions[] = {"Noord", "Zuid"};

const char* const kClinicianNames[] = {
    "A. de Vries",        "B. Jansen",       "C. van den Berg",  "D. Bakker",       "E. 't Hart",
    "F. El Amrani",       "G. Visser",       "H. Smit",          "I. Meijer",       "J. de Boer",
    "K. Mulder",          "L. de Groot",     "M. Bos",           "N. Vos",          "O. Peters",
    "P. Hendriks",        "Q. van Leeuwen",  "R. Dekker",        "S. Brouwer",      "T. de Wit",
    "U. Dijkstra",        "V. Smits",        "W. de Graaf",      "X. van der Meer", "Y. Öztürk",
    "Z. van der Linden",  "A. Kok",          "B. Jacobs",        "C. de Haan",      "D. Vermeulen",
    "E. van den Heuvel",  "F. van der Veen", "G. van den Broek", "H. de Bruijn",    "I. de Bruin",
    "J. van der Heijden", "K. Schouten",     "L. van Beek",      "M. Willems",      "N. van Vliet",
};
constexpr int kClinicianNameCount = sizeof kClinicianNames / sizeof kClinicianNames[0];
constexpr int kCliniciansPerDepartment = 4;

std::vector<std::string> CliniciansFor(int department_index) {
  std::vector<std::string> clinicians;
  for (int i = 0; i < kCliniciansPerDepartment; ++i) {
    // A stride coprime with the list length spreads the names evenly.
    const int index = (department_index * kCliniciansPerDepartment + i * 7) % kClinicianNameCount;
    clinicians.push_back(kClinicianNames[index]);
  }
  return clinicians;
}

// Which named department co-treats some patients of each (by index into
// NamedDepartments): addiction care with the psychiatric departments.
constexpr int kAddictionIndex = 3;
constexpr int kPartnerOf[] = {kAddictionIndex, kAddictionIndex, -1, 1, kAddictionIndex, -1,
                              kAddictionIndex};

int PartnerIndex(int index, int named_count, int count) {
  const int base = kPartnerOf[index % named_count];
  if (base < 0) return -1;
  const int regional = index - index % named_count + base;
  return regional < count ? regional : base;
}

}  // namespace

std::vector<DepartmentMix> SyntheticDepartments(int count) {
  count = std::clamp(count, kMinDepartments, kMaxDepartments);
  const auto& named = NamedDepartments();
  const int named_count = static_cast<int>(named.size());
  std::vector<DepartmentMix> departments;
  for (int index = 0; index < count; ++index) {
    const NamedDepartment& base = named[index % named_count];
    DepartmentMix department;
    department.name = base.name;
    if (index >= named_count) {
      department.name += std::string(" ") + kRegions[(index / named_count - 1) % 2];
    }
    department.size = base.size;
    department.clusters = base.clusters;
    department.clinicians = CliniciansFor(index);
    department.organisation =
        index % named_count == kAddictionIndex ? "Verslavingszorg Synthetisch" : "GGZ Synthetisch";
    department.partner = PartnerIndex(index, named_count, count);
    departments.push_back(std::move(department));
  }
  return departments;
}

}  // namespace clusterpilot
