// The three superclusters of the Dutch care-cluster model. The clinician
// chooses one before the algorithm weighs the clusters inside it.
#ifndef CLUSTERPILOT_CORE_SUPERCLUSTER_H_
#define CLUSTERPILOT_CORE_SUPERCLUSTER_H_

#include <cstdint>
#include <optional>
#include <string>

namespace clusterpilot {

enum class Supercluster : int8_t {
  kNone = 0,          // no choice made: all clusters compete
  kNonPsychotic = 1,  // X "psychische aandoening"
  kPsychotic = 2,     // Y "psychotische stoornis"
  kOrganic = 3,       // Z "cognitieve beperking"
};

// "non-psychotic", "psychotic", "organic", or "" for kNone.
std::string SuperclusterName(Supercluster supercluster);

// "X", "Y", "Z", or "" for kNone: the regulation's letters.
std::string SuperclusterLetter(Supercluster supercluster);

// Accepts the letters X/Y/Z, the English names, the Dutch names
// (niet-psychotisch, psychotisch, organisch) and the regulation's names
// (psychische aandoening, psychotische stoornis, cognitieve beperking),
// ignoring case, spaces, '_' and '-'. An empty text is kNone. Returns
// nullopt for anything else.
std::optional<Supercluster> ParseSupercluster(const std::string& text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_SUPERCLUSTER_H_
