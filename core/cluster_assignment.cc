#include "core/cluster_assignment.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace clusterpilot {

std::string_view FitFlagName(uint32_t flag) {
  switch (flag) {
    case kFlagAmbiguous:
      return "ambiguous";
    case kFlagAtypical:
      return "atypical";
    case kFlagNoFit:
      return "no_fit";
    case kFlagSuperclusterConflict:
      return "supercluster_conflict";
    case kFlagInsufficientData:
      return "insufficient_data";
  }
  return "";
}

std::string FitFlagNames(uint32_t flags) {
  std::string names;
  for (uint32_t flag : kAllFitFlags) {
    if ((flags & flag) == 0) continue;
    if (!names.empty()) names += ',';
    names += FitFlagName(flag);
  }
  return names;
}

namespace {

// p (0 <= p <= 1) as ten-thousandths, rounded as printf's "%.4f" rounds the
// exact binary value: to the nearest, an exact tie to the even one. The
// product p * 10000 is scaled + error exactly (fused multiply-add), and
// `fraction` (exact) is a multiple of scaled's unit in the last place, which
// is more than |error|: error can only break a tie. to_chars did this for
// six numbers a row; on 1,000,000 classifications it took a seventh of the
// reading thread's time, which sets the pace of classify.
int64_t TenThousandths(double p) {
  const double scaled = p * 10000.0;
  const double error = std::fma(p, 10000.0, -scaled);
  const double whole = std::floor(scaled);
  const double fraction = scaled - whole - 0.5;
  const auto below = static_cast<int64_t>(whole);
  const bool up = fraction > 0 || (fraction == 0 && (error > 0 || (error == 0 && below % 2 == 1)));
  return up ? below + 1 : below;
}

// "0.6210" for 0.621; to_chars outside [0, 1].
char* AppendFourDecimals(double p, char* out, char* end) {
  if (!(p >= 0 && p <= 1)) {
    return std::to_chars(out, end, p, std::chars_format::fixed, 4).ptr;
  }
  const int64_t units = TenThousandths(p);
  *out++ = static_cast<char>('0' + units / 10000);
  *out++ = '.';
  int64_t rest = units % 10000;
  for (int divisor = 1000; divisor >= 1; divisor /= 10) {
    *out++ = static_cast<char>('0' + rest / divisor);
    rest %= divisor;
  }
  return out;
}

}  // namespace

std::string EncodeProbabilities(const std::vector<ClusterProbability>& ranked) {
  std::string text;
  EncodeProbabilities(ranked, &text);
  return text;
}

void EncodeProbabilities(const std::vector<ClusterProbability>& ranked, std::string* text) {
  text->clear();
  char buffer[48];
  for (const ClusterProbability& entry : ranked) {
    if (entry.probability < 0.00005) continue;
    if (!text->empty()) *text += ';';
    char* end = std::to_chars(buffer, buffer + sizeof buffer, entry.cluster).ptr;
    *end++ = ':';
    end = AppendFourDecimals(entry.probability, end, buffer + sizeof buffer);
    text->append(buffer, end);
  }
}

bool DecodeProbabilities(std::string_view text, std::vector<ClusterProbability>* ranked) {
  ranked->clear();
  while (!text.empty()) {
    const size_t end = text.find(';');
    const std::string_view entry = text.substr(0, end);
    const size_t colon = entry.find(':');
    if (colon == std::string_view::npos) return false;
    ClusterProbability parsed;
    auto cluster = std::from_chars(entry.data(), entry.data() + colon, parsed.cluster);
    auto probability =
        std::from_chars(entry.data() + colon + 1, entry.data() + entry.size(), parsed.probability);
    if (cluster.ec != std::errc() || cluster.ptr != entry.data() + colon ||
        probability.ec != std::errc() || probability.ptr != entry.data() + entry.size()) {
      return false;
    }
    ranked->push_back(parsed);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    if (text.empty()) return false;  // a trailing ';'
  }
  return true;
}

}  // namespace clusterpilot
