#include "core/assignment_explanation.h"

#include <charconv>

#include "core/honos_items.h"
#include "core/rating_text.h"

namespace clusterpilot {
namespace {

void AppendRatings(const std::vector<ExplainedRating>& ratings, std::string* text) {
  for (size_t i = 0; i < ratings.size(); ++i) {
    if (i > 0) text->push_back(',');
    text->append(kHonosItems[ratings[i].item].code);
    text->push_back('=');
    text->push_back(static_cast<char>('0' + ratings[i].rating));
  }
}

bool ParseNumber(std::string_view text, int* number) {
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), *number);
  return status == std::errc() && end == text.data() + text.size() && !text.empty();
}

// "HV07=4,HV02=3" into ratings.
bool ParseRatings(std::string_view text, std::vector<ExplainedRating>* ratings) {
  ratings->clear();
  while (!text.empty()) {
    const size_t end = text.find(',');
    const std::string_view entry = text.substr(0, end);
    if (entry.size() != 6 || entry.substr(0, 2) != "HV" || entry[4] != '=') return false;
    ExplainedRating rating;
    if (!ParseNumber(entry.substr(2, 2), &rating.item) || rating.item < 1 ||
        rating.item > kItemCount || entry[5] < '0' || entry[5] > '4') {
      return false;
    }
    rating.item -= 1;
    rating.rating = entry[5] - '0';
    ratings->push_back(rating);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    if (text.empty()) return false;  // a trailing ','
  }
  return true;
}

// "4:HV07=4,HV02=3" (ratings may be empty: "4:").
bool ParsePart(std::string_view text, int* cluster, std::vector<ExplainedRating>* ratings) {
  const size_t colon = text.find(':');
  return colon != std::string_view::npos && ParseNumber(text.substr(0, colon), cluster) &&
         *cluster > 0 && ParseRatings(text.substr(colon + 1), ratings);
}

void AppendWorded(const std::vector<ExplainedRating>& ratings, std::string* text) {
  for (size_t i = 0; i < ratings.size(); ++i) {
    text->append(i == 0 ? "" : ", ");
    AppendItemRating(ratings[i].item, static_cast<int8_t>(ratings[i].rating), text);
  }
}

}  // namespace

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
}

bool DecodeExplanationCode(std::string_view text, AssignmentExplanationCode* code) {
  *code = AssignmentExplanationCode();
  if (text.empty()) return true;
  const size_t arrow = text.find('>');
  if (!ParsePart(text.substr(0, arrow), &code->cluster, &code->supporting)) return false;
  if (arrow == std::string_view::npos) return true;
  return ParsePart(text.substr(arrow + 1), &code->runner_up, &code->separating);
}

std::string DescribeExplanationCode(const AssignmentExplanationCode& code) {
  if (code.cluster == 0) return "no cluster assigned";
  std::string text = "cluster " + std::to_string(code.cluster);
  if (code.supporting.empty()) {
    text += ": no single item stands out";
  } else {
    text += " mainly for ";
    AppendWorded(code.supporting, &text);
  }
  if (code.runner_up == 0) return text + ". No other cluster was allowed";
  text += ". Cluster " + std::to_string(code.runner_up) + " (runner-up) ";
  if (code.separating.empty()) return text + "fits as well";
  text += "fits worse on ";
  AppendWorded(code.separating, &text);
  return text;
}

std::string DescribeStoredExplanation(std::string_view text) {
  AssignmentExplanationCode code;
  if (!DecodeExplanationCode(text, &code)) return std::string(text);
  return DescribeExplanationCode(code);
}

}  // namespace clusterpilot
