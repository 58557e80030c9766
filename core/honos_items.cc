#include "core/honos_items.h"

namespace clusterpilot {

const std::array<HonosItem, kItemCount> kHonosItems = {{
    {"HV01", "overactive, aggressive or agitated behaviour",
     "hyperactief, agressief, destructief of geagiteerd gedrag", Subscale::kBehaviour,
     "hyperactief of agressief gedrag"},
    {"HV02", "non-accidental self-injury", "opzettelijke zelfverwonding", Subscale::kBehaviour,
     "opzettelijke zelfverwonding"},
    {"HV03", "problem drinking or drug-taking", "problematisch alcohol- of drugsgebruik",
     Subscale::kBehaviour, "alcohol- of drugsgebruik"},
    {"HV04", "cognitive problems", "cognitieve problemen", Subscale::kImpairment,
     "cognitieve problemen"},
    {"HV05", "physical illness or disability", "lichamelijke problemen of handicaps",
     Subscale::kImpairment, "lichamelijke problemen"},
    {"HV06", "hallucinations and delusions",
     "problemen als gevolg van hallucinaties en waanvoorstellingen", Subscale::kSymptoms,
     "hallucinaties en wanen"},
    {"HV07", "depressed mood", "problemen met depressieve stemming", Subscale::kSymptoms,
     "depressieve stemming"},
    {"HV08", "other mental and behavioural problems", "overige psychische en gedragsproblemen",
     Subscale::kSymptoms, "overige psychische problemen"},
    {"HV09", "relationships", "problemen met relaties", Subscale::kSocial, "relaties"},
    {"HV10", "activities of daily living", "problemen met algemene dagelijkse levensverrichtingen",
     Subscale::kSocial, "dagelijkse levensverrichtingen"},
    {"HV11", "living conditions", "problemen met woonomstandigheden", Subscale::kSocial,
     "woonomstandigheden"},
    {"HV12", "occupation and activities", "problemen met werk en activiteiten", Subscale::kSocial,
     "werk en activiteiten"},
    {"HV13", "strong unreasonable beliefs", "sterke onredelijke (overwaardige) ideeën",
     Subscale::kClusteringAddition, "overwaardige ideeën"},
    {"HV14", "history: agitated behaviour or expansive mood",
     "voorgeschiedenis: geagiteerd gedrag of expansieve stemming", Subscale::kHistoric,
     "voorgeschiedenis: geagiteerd of expansief"},
    {"HV15", "history: repeat self-harm", "voorgeschiedenis: herhaalde zelfbeschadiging",
     Subscale::kHistoric, "voorgeschiedenis: herhaalde zelfbeschadiging"},
    {"HV16", "history: safeguarding of others", "voorgeschiedenis: veiligheid van anderen",
     Subscale::kHistoric, "voorgeschiedenis: veiligheid van anderen"},
    {"HV17", "history: engagement with care", "voorgeschiedenis: betrokkenheid bij zorg",
     Subscale::kHistoric, "voorgeschiedenis: betrokkenheid bij zorg"},
    {"HV18", "history: vulnerability", "voorgeschiedenis: kwetsbaarheid", Subscale::kHistoric,
     "voorgeschiedenis: kwetsbaarheid"},
    {"HV19", "history Q (Dutch addition)", "voorgeschiedenis Q (Nederlandse toevoeging)",
     Subscale::kHistoric, "voorgeschiedenis Q"},
}};

std::string_view SubscaleName(Subscale subscale) {
  switch (subscale) {
    case Subscale::kBehaviour:
      return "behaviour";
    case Subscale::kImpairment:
      return "impairment";
    case Subscale::kSymptoms:
      return "symptoms";
    case Subscale::kSocial:
      return "social";
    case Subscale::kClusteringAddition:
      return "clustering";
    case Subscale::kHistoric:
      return "historic";
  }
  return "";
}

int HonosTotal(const ItemRatings& ratings, int* unknown_count) {
  int total = 0;
  int unknown = 0;
  for (int i = 0; i < 12; ++i) {
    if (ratings[i] == kUnknownRating) {
      ++unknown;
    } else {
      total += ratings[i];
    }
  }
  if (unknown_count != nullptr) *unknown_count = unknown;
  return total;
}

int SubscaleTotal(const ItemRatings& ratings, Subscale subscale) {
  int total = 0;
  for (int i = 0; i < kItemCount; ++i) {
    if (kHonosItems[i].subscale == subscale && ratings[i] != kUnknownRating) total += ratings[i];
  }
  return total;
}

}  // namespace clusterpilot
