#include "core/assignment_explanation.h"

#include <charconv>

#include "core/honos_items.h"

namespace clusterpilot {
namespace {

// Every phrase of the sentences, once per language.
struct Phrases {
  const char* none;              // no cluster assigned
  const char* cluster;           // "cluster "
  const char* mainly_for;        // " mainly for "
  const char* nothing_stands;    // ": no single item stands out"
  const char* no_other;          // ". No other cluster was allowed"
  const char* runner_up_prefix;  // ". Cluster "
  const char* runner_up;         // " (runner-up) "
  const char* fits_as_well;      // "fits as well"
  const char* fits_worse;        // "fits worse on "
  const char* if_word;           // "if "
  const char* were;              // " were "
  const char* instead_of;        // " instead of "
  const char* and_word;          // " and "
  const char* would_fit_prefix;  // ", cluster "
  const char* would_fit;         // " would fit best"
};

constexpr Phrases kDutch = {"geen cluster toegekend",
                            "cluster ",
                            " vooral door ",
                            ": geen enkel item springt eruit",
                            ". Geen ander cluster was mogelijk",
                            ". Cluster ",
                            " (tweede keus) ",
                            "past even goed",
                            "past minder op ",
                            "als ",
                            " ",
                            " was in plaats van ",
                            " en ",
                            ", zou cluster ",
                            " het best passen"};
constexpr Phrases kEnglish = {"no cluster assigned",
                              "cluster ",
                              " mainly for ",
                              ": no single item stands out",
                              ". No other cluster was allowed",
                              ". Cluster ",
                              " (runner-up) ",
                              "fits as well",
                              "fits worse on ",
                              "if ",
                              " were ",
                              " instead of ",
                              " and ",
                              ", cluster ",
                              " would fit best"};

const Phrases& PhrasesOf(ExplanationLanguage language) {
  return language == ExplanationLanguage::kEnglish ? kEnglish : kDutch;
}

std::string_view ItemName(int item, ExplanationLanguage language) {
  return language == ExplanationLanguage::kEnglish ? kHonosItems[item].english
                                                   : kHonosItems[item].dutch_short;
}

void AppendRatings(const std::vector<ExplainedRating>& ratings, std::string* text) {
  for (size_t i = 0; i < ratings.size(); ++i) {
    if (i > 0) text->push_back(',');
    text->append(kHonosItems[ratings[i].item].code);
    text->push_back('=');
    text->push_back(static_cast<char>('0' + ratings[i].rating));
  }
}

void AppendChanges(const std::vector<ExplainedChange>& changes, std::string* text) {
  for (size_t i = 0; i < changes.size(); ++i) {
    text->push_back(i == 0 ? '|' : ',');
    text->append(kHonosItems[changes[i].item].code);
    text->push_back('=');
    text->push_back(static_cast<char>('0' + changes[i].from));
    text->push_back('>');
    text->push_back(static_cast<char>('0' + changes[i].to));
  }
}

bool ParseNumber(std::string_view text, int* number) {
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), *number);
  return status == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool ParseRatingDigit(char digit, int* rating) {
  if (digit < '0' || digit > '4') return false;
  *rating = digit - '0';
  return true;
}

// "HV07" into item 6.
bool ParseItem(std::string_view code, int* item) {
  if (code.size() != 4 || code.substr(0, 2) != "HV" || !ParseNumber(code.substr(2), item) ||
      *item < 1 || *item > kItemCount) {
    return false;
  }
  *item -= 1;
  return true;
}

// Calls parse_entry on each ','-separated entry; no empty entries.
template <typename ParseEntry>
bool ParseList(std::string_view text, ParseEntry parse_entry) {
  while (!text.empty()) {
    const size_t end = text.find(',');
    if (!parse_entry(text.substr(0, end))) return false;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    if (text.empty()) return false;  // a trailing ','
  }
  return true;
}

// "HV07=4,HV02=3" into ratings.
bool ParseRatings(std::string_view text, std::vector<ExplainedRating>* ratings) {
  ratings->clear();
  return ParseList(text, [&](std::string_view entry) {
    ExplainedRating rating;
    if (entry.size() != 6 || entry[4] != '=' || !ParseItem(entry.substr(0, 4), &rating.item) ||
        !ParseRatingDigit(entry[5], &rating.rating)) {
      return false;
    }
    ratings->push_back(rating);
    return true;
  });
}

// "HV07=3>2,HV02=3>2" into changes of one step each.
bool ParseChanges(std::string_view text, std::vector<ExplainedChange>* changes) {
  changes->clear();
  if (text.empty()) return false;
  return ParseList(text, [&](std::string_view entry) {
    ExplainedChange change;
    if (entry.size() != 8 || entry[4] != '=' || entry[6] != '>' ||
        !ParseItem(entry.substr(0, 4), &change.item) || !ParseRatingDigit(entry[5], &change.from) ||
        !ParseRatingDigit(entry[7], &change.to) ||
        (change.to - change.from != 1 && change.from - change.to != 1)) {
      return false;
    }
    changes->push_back(change);
    return true;
  });
}

// "4:HV07=4,HV02=3" (ratings may be empty: "4:").
bool ParsePart(std::string_view text, int* cluster, std::vector<ExplainedRating>* ratings) {
  const size_t colon = text.find(':');
  return colon != std::string_view::npos && ParseNumber(text.substr(0, colon), cluster) &&
         *cluster > 0 && ParseRatings(text.substr(colon + 1), ratings);
}

void AppendWorded(const std::vector<ExplainedRating>& ratings, ExplanationLanguage language,
                  std::string* text) {
  for (size_t i = 0; i < ratings.size(); ++i) {
    text->append(i == 0 ? "" : ", ");
    text->append(kHonosItems[ratings[i].item].code);
    text->push_back(' ');
    text->append(ItemName(ratings[i].item, language));
    text->push_back(' ');
    text->push_back(static_cast<char>('0' + ratings[i].rating));
  }
}

}  // namespace

ExplanationLanguage ExplanationLanguageFromSetting(std::string_view setting) {
  const bool english = setting.size() == 2 && (setting[0] == 'e' || setting[0] == 'E') &&
                       (setting[1] == 'n' || setting[1] == 'N');
  return english ? ExplanationLanguage::kEnglish : ExplanationLanguage::kDutch;
}

void AppendExplanationCode(const AssignmentExplanationCode& code, std::string* text) {
  if (code.cluster == 0) return;
  text->append(std::to_string(code.cluster));
  text->push_back(':');
  AppendRatings(code.supporting, text);
  if (code.runner_up == 0) return;
  text->push_back('>');
  text->append(std::to_string(code.runner_up));
  text->push_back(':');
  AppendRatings(code.separating, text);
  AppendChanges(code.changes, text);
}

bool DecodeExplanationCode(std::string_view text, AssignmentExplanationCode* code) {
  *code = AssignmentExplanationCode();
  if (text.empty()) return true;
  const size_t bar = text.find('|');
  if (bar != std::string_view::npos && !ParseChanges(text.substr(bar + 1), &code->changes)) {
    return false;
  }
  text = text.substr(0, bar);
  const size_t arrow = text.find('>');
  if (!ParsePart(text.substr(0, arrow), &code->cluster, &code->supporting)) return false;
  if (arrow == std::string_view::npos) return code->changes.empty();
  return ParsePart(text.substr(arrow + 1), &code->runner_up, &code->separating);
}

std::string DescribeExplanationCode(const AssignmentExplanationCode& code,
                                    ExplanationLanguage language) {
  const Phrases& say = PhrasesOf(language);
  if (code.cluster == 0) return say.none;
  std::string text = say.cluster + std::to_string(code.cluster);
  if (code.supporting.empty()) {
    text += say.nothing_stands;
  } else {
    text += say.mainly_for;
    AppendWorded(code.supporting, language, &text);
  }
  if (code.runner_up == 0) return text + say.no_other;
  text += say.runner_up_prefix + std::to_string(code.runner_up) + say.runner_up;
  if (code.separating.empty()) return text + say.fits_as_well;
  text += say.fits_worse;
  AppendWorded(code.separating, language, &text);
  return text;
}

std::string DescribeCounterfactual(const AssignmentExplanationCode& code,
                                   ExplanationLanguage language) {
  if (code.changes.empty() || code.runner_up == 0) return "";
  const Phrases& say = PhrasesOf(language);
  std::string text = say.if_word;
  for (size_t i = 0; i < code.changes.size(); ++i) {
    const ExplainedChange& change = code.changes[i];
    if (i > 0) text += i + 1 == code.changes.size() ? say.and_word : ", ";
    text += std::string(kHonosItems[change.item].code) + say.were + std::to_string(change.to) +
            say.instead_of + std::to_string(change.from);
  }
  return text + say.would_fit_prefix + std::to_string(code.runner_up) + say.would_fit;
}

std::string DescribeStoredExplanation(std::string_view text, ExplanationLanguage language) {
  AssignmentExplanationCode code;
  if (!DecodeExplanationCode(text, &code)) return std::string(text);
  return DescribeExplanationCode(code, language);
}

std::string DescribeStoredCounterfactual(std::string_view text, ExplanationLanguage language) {
  AssignmentExplanationCode code;
  if (!DecodeExplanationCode(text, &code)) return "";
  return DescribeCounterfactual(code, language);
}

}  // namespace clusterpilot
