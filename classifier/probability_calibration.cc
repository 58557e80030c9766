#include "classifier/probability_calibration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace clusterpilot {
namespace {

constexpr int kGapSlots = kMaxModelClusters - 1;
constexpr float kNoCluster = -1e30f;  // exp(gap / T) of this is 0 at every T
constexpr double kProbabilityFloor = 1e-12;

std::string Number(const char* format, double value) {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// The points and bars of one series of the diagram, in a 300 x 300 plot
// whose origin is at (50, 330).
std::string Series(const ReliabilityTable& table, const char* colour, double offset) {
  std::string svg;
  std::string points;
  for (int b = 0; b < kReliabilityBins; ++b) {
    if (table[b].count == 0) continue;
    const double x = 50 + 300 * table[b].mean_probability;
    const double y = 330 - 300 * table[b].share_right;
    points += Number("%.1f", x) + "," + Number("%.1f", y) + " ";
    svg += "<rect x=\"" + Number("%.1f", 50 + 30 * b + offset) + "\" y=\"" +
           Number("%.1f", 330 - 300 * table[b].share_right) + "\" width=\"12\" height=\"" +
           Number("%.1f", 300 * table[b].share_right) + "\" fill=\"" + colour +
           "\" fill-opacity=\"0.35\"/>\n";
  }
  return svg + "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour +
         "\" stroke-width=\"2\"/>\n";
}

}  // namespace

void CalibrationSet::Add(const ClusterScores& scores, bool top_is_right) {
  if (scores.ranked_count == 0) return;
  const float best = scores.ranked[0].score;
  for (int i = 1; i <= kGapSlots; ++i) {
    gaps_.push_back(i < scores.ranked_count ? scores.ranked[i].score - best : kNoCluster);
  }
  right_.push_back(top_is_right);
}

double CalibrationSet::TopProbability(size_t i, double temperature) const {
  double total = 1;
  const float* gaps = gaps_.data() + i * kGapSlots;
  for (int slot = 0; slot < kGapSlots; ++slot) {
    if (gaps[slot] > kNoCluster) total += std::exp(gaps[slot] / temperature);
  }
  return 1 / total;
}

double CalibrationSet::LogLoss(double temperature) const {
  double loss = 0;
  for (size_t i = 0; i < size(); ++i) {
    const double p = TopProbability(i, temperature);
    loss -= std::log(std::max(right_[i] ? p : 1 - p, kProbabilityFloor));
  }
  return size() == 0 ? 0 : loss / static_cast<double>(size());
}

double CalibrationSet::ExpectedCalibrationError(double temperature, ReliabilityTable* table) const {
  ReliabilityTable bins{};
  for (size_t i = 0; i < size(); ++i) {
    const double p = TopProbability(i, temperature);
    ReliabilityBin& bin =
        bins[std::min(kReliabilityBins - 1, static_cast<int>(p * kReliabilityBins))];
    ++bin.count;
    bin.mean_probability += p;
    bin.share_right += right_[i] ? 1 : 0;
  }
  double error = 0;
  for (ReliabilityBin& bin : bins) {
    if (bin.count == 0) continue;
    bin.mean_probability /= static_cast<double>(bin.count);
    bin.share_right /= static_cast<double>(bin.count);
    error += static_cast<double>(bin.count) * std::abs(bin.share_right - bin.mean_probability);
  }
  if (table != nullptr) *table = bins;
  return size() == 0 ? 0 : error / static_cast<double>(size());
}

double FitTemperature(const CalibrationSet& cases) {
  if (cases.size() == 0) return 1;
  // The log loss is unimodal in log T for a softmax, so a golden-section
  // search converges; 60 steps narrow [ln 0.05, ln 50] below 1e-10.
  const double golden = (std::sqrt(5.0) - 1) / 2;
  double low = std::log(0.05);
  double high = std::log(50.0);
  double a = high - golden * (high - low);
  double b = low + golden * (high - low);
  double loss_a = cases.LogLoss(std::exp(a));
  double loss_b = cases.LogLoss(std::exp(b));
  for (int step = 0; step < 60; ++step) {
    if (loss_a < loss_b) {
      high = b;
      b = a;
      loss_b = loss_a;
      a = high - golden * (high - low);
      loss_a = cases.LogLoss(std::exp(a));
    } else {
      low = a;
      a = b;
      loss_a = loss_b;
      b = low + golden * (high - low);
      loss_b = cases.LogLoss(std::exp(b));
    }
  }
  const double temperature = std::exp((low + high) / 2);
  const double scale = std::pow(10.0, std::floor(std::log10(temperature)) - 2);
  return std::round(temperature / scale) * scale;
}

std::string ReliabilityDiagramSvg(const ReliabilityTable& before, double ece_before,
                                  const ReliabilityTable& after, double ece_after) {
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" "
      "viewBox=\"0 0 400 400\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<title>Reliability diagram: share right against stated probability</title>\n"
      "<rect x=\"50\" y=\"30\" width=\"300\" height=\"300\" fill=\"none\" stroke=\"#888\"/>\n"
      "<line x1=\"50\" y1=\"330\" x2=\"350\" y2=\"30\" stroke=\"#888\" "
      "stroke-dasharray=\"4 4\"/>\n";
  svg += Series(before, "#c0392b", 3) + Series(after, "#2471a3", 15);
  for (int tick = 0; tick <= 10; tick += 2) {
    const std::string label = Number("%.1f", tick / 10.0);
    svg += "<text x=\"" + Number("%.0f", 50 + 30 * tick) + "\" y=\"348\" text-anchor=\"middle\">" +
           label + "</text>\n<text x=\"44\" y=\"" + Number("%.0f", 334 - 30 * tick) +
           "\" text-anchor=\"end\">" + label + "</text>\n";
  }
  svg += "<text x=\"200\" y=\"372\" text-anchor=\"middle\">probability of the top cluster</text>\n";
  svg += "<text x=\"50\" y=\"20\">share right (dashed: perfect calibration)</text>\n";
  svg += "<text x=\"60\" y=\"392\" fill=\"#c0392b\">before: ECE " + Number("%.3f", ece_before) +
         "</text>\n<text x=\"220\" y=\"392\" fill=\"#2471a3\">after: ECE " +
         Number("%.3f", ece_after) + "</text>\n</svg>\n";
  return svg;
}

}  // namespace clusterpilot
