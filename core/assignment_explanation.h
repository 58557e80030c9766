// Why a measurement got its cluster, in the compact form the store keeps
// (table classification, column explanation) and the sentence clinicians
// read. The classifier decides the content (classifier/
// assignment_explainer.h); commands and reports decode and word it here, so
// one million stored explanations cost tens of bytes each, not a sentence.
#ifndef CLUSTERPILOT_CORE_ASSIGNMENT_EXPLANATION_H_
#define CLUSTERPILOT_CORE_ASSIGNMENT_EXPLANATION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clusterpilot {

struct ExplainedRating {
  int item = 0;  // 0-based: HV01 is 0
  int rating = 0;
};

struct AssignmentExplanationCode {
  int cluster = 0;                          // 0: no cluster assigned
  std::vector<ExplainedRating> supporting;  // what pushed the cluster up, strongest first
  int runner_up = 0;                        // 0: no other cluster was allowed
  std::vector<ExplainedRating> separating;  // where the runner-up fits worse, strongest first
};

// Appends "4:HV07=4,HV02=3>5:HV09=0,HV12=0" to *text: the cluster and its
// supporting ratings, then '>' and the runner-up with the separating ones
// (no '>' part without a runner-up). Nothing is appended when no cluster was
// assigned. Contains no ';', so a CSV cell needs no quotes.
void AppendExplanationCode(const AssignmentExplanationCode& code, std::string* text);

// The inverse; "" decodes to "no cluster assigned". False on malformed text.
bool DecodeExplanationCode(std::string_view text, AssignmentExplanationCode* code);

// The sentence: "cluster 4 mainly for HV07 depressed mood 4, HV02
// non-accidental self-injury 3. Cluster 5 (runner-up) fits worse on HV09
// relationships 0", "... . No other cluster was allowed", or "no cluster
// assigned".
std::string DescribeExplanationCode(const AssignmentExplanationCode& code);

// Decodes stored text and words it; text that does not decode (written by
// something else) is returned as it is.
std::string DescribeStoredExplanation(std::string_view text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_ASSIGNMENT_EXPLANATION_H_
