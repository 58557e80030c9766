#include "reports/svg_text.h"

#include <cstdio>

namespace clusterpilot {
namespace {

constexpr double kEmPerCharacter = 0.58;

bool StartsCharacter(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::string SvgNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

double SvgTextWidth(const std::string& text, double font_size) {
  int characters = 0;
  for (char c : text) characters += StartsCharacter(c) ? 1 : 0;
  return characters * font_size * kEmPerCharacter;
}

std::string SvgFitText(const std::string& text, double width, double font_size) {
  if (SvgTextWidth(text, font_size) <= width) return text;
  const double ellipsis_room = 2 * font_size * kEmPerCharacter;
  std::string cut;
  for (char c : text) {
    if (StartsCharacter(c) && SvgTextWidth(cut, font_size) + ellipsis_room > width) break;
    cut += c;
  }
  return cut + "\xE2\x80\xA6";
}

}  // namespace clusterpilot
