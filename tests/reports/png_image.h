// A small PNG reader for tests: enough to decode Chromium's screenshots (8-bit
// RGB or RGBA, not interlaced) and tell whether they show anything.
#ifndef CLUSTERPILOT_TESTS_REPORTS_PNG_IMAGE_H_
#define CLUSTERPILOT_TESTS_REPORTS_PNG_IMAGE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace clusterpilot {

struct PngImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgb;  // width * height * 3

  // Share of pixels that differ from white by more than a faint tint.
  double InkShare() const;
  // Number of distinct colours (quantised to 4 bits per channel).
  int DistinctColours() const;
};

// Decodes `bytes`; false with *problem set for anything it cannot read.
bool DecodePng(const std::string& bytes, PngImage* image, std::string* problem);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_REPORTS_PNG_IMAGE_H_
