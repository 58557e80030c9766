#include "core/supercluster.h"

#include <cctype>
#include <utility>

namespace clusterpilot {
namespace {

// Lower case with spaces, '_' and '-' removed, so "Niet-psychotisch" and
// "niet psychotisch" compare equal.
std::string Fold(const std::string& text) {
  std::string folded;
  for (unsigned char c : text) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    folded += static_cast<char>(std::tolower(c));
  }
  return folded;
}

}  // namespace

std::string SuperclusterName(Supercluster supercluster) {
  switch (supercluster) {
    case Supercluster::kNonPsychotic:
      return "non-psychotic";
    case Supercluster::kPsychotic:
      return "psychotic";
    case Supercluster::kOrganic:
      return "organic";
    case Supercluster::kNone:
      break;
  }
  return "";
}

std::string SuperclusterLetter(Supercluster supercluster) {
  switch (supercluster) {
    case Supercluster::kNonPsychotic:
      return "X";
    case Supercluster::kPsychotic:
      return "Y";
    case Supercluster::kOrganic:
      return "Z";
    case Supercluster::kNone:
      break;
  }
  return "";
}

std::optional<Supercluster> ParseSupercluster(const std::string& text) {
  static const std::pair<const char*, Supercluster> kVocabulary[] = {
      {"", Supercluster::kNone},
      {"x", Supercluster::kNonPsychotic},
      {"nonpsychotic", Supercluster::kNonPsychotic},
      {"nietpsychotisch", Supercluster::kNonPsychotic},
      {"psychischeaandoening", Supercluster::kNonPsychotic},
      {"y", Supercluster::kPsychotic},
      {"psychotic", Supercluster::kPsychotic},
      {"psychotisch", Supercluster::kPsychotic},
      {"psychotischestoornis", Supercluster::kPsychotic},
      {"z", Supercluster::kOrganic},
      {"organic", Supercluster::kOrganic},
      {"organisch", Supercluster::kOrganic},
      {"cognitievebeperking", Supercluster::kOrganic},
  };
  const std::string folded = Fold(text);
  for (const auto& [word, supercluster] : kVocabulary) {
    if (folded == word) return supercluster;
  }
  return std::nullopt;
}

}  // namespace clusterpilot
