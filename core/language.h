// The language of what users read: Dutch by default, English by the setting
// `report.language = en` (the web app reads the same setting). One text
// catalogue holds every translated phrase, keyed by a stable name, with the
// English it translates beside the Dutch: code that lays out English text
// (the report's table builders) keeps doing so, and the writers translate at
// write time.
#ifndef CLUSTERPILOT_CORE_LANGUAGE_H_
#define CLUSTERPILOT_CORE_LANGUAGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_month.h"

namespace clusterpilot {

enum class Language { kDutch, kEnglish };

inline constexpr Language kDefaultLanguage = Language::kDutch;

// "nl" or "en" (case-insensitive); nullopt for anything else.
std::optional<Language> ParseLanguage(std::string_view code);
// "nl" or "en": for the html lang attribute and messages.
std::string_view LanguageCode(Language language);

// A placeholder such as "{month}" with its value in each language.
struct PhraseValue {
  std::string placeholder;
  std::string english;
  std::string dutch;
};

// The same value in both languages: a number, a file name.
PhraseValue Value(std::string placeholder, const std::string& value);

// The catalogue's text for `key` with the placeholders filled in. A key the
// catalogue does not hold is a programming error: it stops the program
// naming the key.
std::string Phrase(Language language, std::string_view key,
                   const std::vector<PhraseValue>& values = {});

// The catalogue's keys that start with `prefix` ("web."), in catalogue order.
std::vector<std::string_view> PhraseKeys(std::string_view prefix);

// Translates `english`, text that other code wrote in English, under `key`.
// In Dutch: the catalogue's Dutch when its English under `key` (with the
// placeholders filled in) is exactly `english`; otherwise `english` itself,
// so a wording changed elsewhere is never replaced by a stale translation
// (HasDutch tells the tests). In English: `english`.
std::string Translate(Language language, std::string_view key, const std::string& english,
                      const std::vector<PhraseValue>& values = {});

// True when Translate would give Dutch for `english` under `key`.
bool HasDutch(std::string_view key, const std::string& english,
              const std::vector<PhraseValue>& values = {});

// "oktober 2026" or "October 2026".
std::string MonthName(Language language, const CalendarMonth& month);

// The care cluster's name in `language`: in Dutch the care-demand type
// (zorgvraagtype) name, in English the UK care-cluster name. "" for a number
// that is not a care cluster.
std::string ClusterName(Language language, int cluster);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_LANGUAGE_H_
