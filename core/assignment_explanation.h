// Why a measurement got its cluster and what would change it, in the compact
// form the store keeps (table classification, column explanation) and the
// sentence clinicians read. The classifier decides the content (classifier/
// assignment_explainer.h); commands and reports decode and word it here, so
// one million stored explanations cost tens of bytes each, not a sentence.
// All the wording lives in this one file, in Dutch and English.
#ifndef CLUSTERPILOT_CORE_ASSIGNMENT_EXPLANATION_H_
#define CLUSTERPILOT_CORE_ASSIGNMENT_EXPLANATION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clusterpilot {

// The language of the sentences; the setting report.language ("nl", the
// default, or "en") chooses it, as for the report.
enum class ExplanationLanguage { kDutch, kEnglish };

// "en" (any case) is English; anything else, "" included, Dutch.
ExplanationLanguage ExplanationLanguageFromSetting(std::string_view setting);

struct ExplainedRating {
  int item = 0;  // 0-based: HV01 is 0
  int rating = 0;
};

struct ExplainedChange {
  int item = 0;  // 0-based
  int from = 0;
  int to = 0;
};

struct AssignmentExplanationCode {
  int cluster = 0;                          // 0: no cluster assigned
  std::vector<ExplainedRating> supporting;  // what speaks for the cluster, defining items first
  int runner_up = 0;                        // 0: no other cluster was allowed
  std::vector<ExplainedRating> separating;  // where the runner-up fits worse, strongest first
  // The fewest one-step changes after which the runner-up fits best; empty
  // when there is no runner-up or no such change was found.
  std::vector<ExplainedChange> changes;
};

// Appends "4:HV07=4,HV02=3>5:HV15=2|HV15=2>3" to *text: the cluster and its
// supporting ratings, then '>' and the runner-up with the separating ones
// (no '>' part without a runner-up), then '|' and the changes, "from>to"
// (no '|' part without changes). Nothing is appended when no cluster was
// assigned. Contains no ';', so a CSV cell needs no quotes.
void AppendExplanationCode(const AssignmentExplanationCode& code, std::string* text);

// The inverse; "" decodes to "no cluster assigned". False on malformed text.
bool DecodeExplanationCode(std::string_view text, AssignmentExplanationCode* code);

// The sentence without the counterfactual: "cluster 4 vooral door HV07
// depressieve stemming 4, HV02 opzettelijke zelfverwonding 3. Cluster 5
// (tweede keus) past minder op HV15 voorgeschiedenis: herhaalde
// zelfbeschadiging 2", or in English "cluster 4 mainly for HV07 depressed
// mood 4, ... . Cluster 5 (runner-up) fits worse on ...", "... . No other
// cluster was allowed", "no cluster assigned".
std::string DescribeExplanationCode(const AssignmentExplanationCode& code,
                                    ExplanationLanguage language);

// The counterfactual: "als HV07 2 was in plaats van 3, zou cluster 3 het
// best passen" / "if HV07 were 2 instead of 3, cluster 3 would fit best";
// "" when the code has none.
std::string DescribeCounterfactual(const AssignmentExplanationCode& code,
                                   ExplanationLanguage language);

// Decodes stored text and words the explanation (DescribeExplanationCode);
// text that does not decode (written by something else) is returned as it is.
std::string DescribeStoredExplanation(std::string_view text, ExplanationLanguage language);
// Only the stored counterfactual, worded; "" when there is none.
std::string DescribeStoredCounterfactual(std::string_view text, ExplanationLanguage language);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_ASSIGNMENT_EXPLANATION_H_
